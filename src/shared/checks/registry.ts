/** The check-up, stage by stage, in the order a person reads the report. */
import { fairnessCheck } from './fairness/fairness-check';
import { calibrationCheck } from './model/calibration-check';
import { performanceCheck } from './model/performance';
import { privacyChecks } from './privacy';
import { slicesCheck } from './slices/slices-check';
import { qualityChecks } from './quality';
import type { CheckStage } from './run-checks';

export const CHECKUP_STAGES: readonly CheckStage[] = [
  { name: 'Checking the data', checks: qualityChecks },
  { name: 'Looking for personal data', checks: privacyChecks },
  { name: 'Checking the model', checks: [performanceCheck] },
  { name: 'Checking the scores', checks: [calibrationCheck] },
  { name: 'Comparing groups of people', checks: [fairnessCheck] },
  { name: 'Looking for weak spots', checks: [slicesCheck] },
];
