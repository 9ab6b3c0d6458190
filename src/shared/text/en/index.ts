/** Every finding's words, in English, keyed by check id. */
import type { Finding } from '../../findings/types';
import type { FindingText, FindingTexts } from '../types';
import { driftTexts } from '../../drift/texts-en';
import { fairnessTexts } from './fairness';
import { historyTexts } from './history';
import { modelTexts } from './model';
import { slicesTexts } from './slices';
import { PRIVACY_TEXTS } from './privacy';
import { qualityTexts } from './quality';

export const findingTexts: FindingTexts = {
  ...qualityTexts,
  ...PRIVACY_TEXTS,
  ...modelTexts,
  ...fairnessTexts,
  ...slicesTexts,
  ...historyTexts,
  ...driftTexts,
};

/** The words for a finding; a plain fallback (never a blank) for a check without texts yet. */
export function textFor(f: Finding): FindingText {
  return (
    findingTexts[f.check] ?? {
      title: f.check,
      headline: () => `${f.check}: ${f.status === 'passed' ? 'no problem found' : 'see the numbers'}.`,
      why: () => '',
      action: () => '',
      learnMore: '',
    }
  );
}
