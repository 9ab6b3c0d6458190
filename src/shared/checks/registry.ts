/** The check-up, stage by stage, in the order a person reads the report. */
import { fairnessCheck } from './fairness/fairness-check';
import { calibrationCheck } from './model/calibration-check';
import { performanceCheck } from './model/performance';
import { privacyChecks } from './privacy';
import { slicesCheck } from './slices/slices-check';
import { qualityChecks } from './quality';
import type { CheckStage } from './run-checks';
import { STAGE_NAMES } from './stage-names';

export const CHECKUP_STAGES: readonly CheckStage[] = [
  { name: STAGE_NAMES.quality, checks: qualityChecks },
  { name: STAGE_NAMES.privacy, checks: privacyChecks },
  { name: STAGE_NAMES.model, checks: [performanceCheck] },
  { name: STAGE_NAMES.scores, checks: [calibrationCheck] },
  { name: STAGE_NAMES.fairness, checks: [fairnessCheck] },
  { name: STAGE_NAMES.slices, checks: [slicesCheck] },
];
