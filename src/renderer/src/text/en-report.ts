/**
 * The report screen's own words (English), part of `en` (text/en.ts). The findings' words —
 * headline, why, what to do, learn more — are NOT here: they come from src/shared/text via
 * textFor(finding), the same words the CLI prints.
 */
import { reportWordsEn } from '../../../shared/export/report-words-en';

export const reportWords = {
  // The words the exported reports use too (one source: src/shared/export/report-words-en.ts) …
  ...reportWordsEn,
  // … and the screen's own.
  loading: 'Loading the report…',
  back: (name: string) => `Back to ${name}`,
  curveMissing: (reason: string) => `No curve to draw: ${reason}`,
  failed: 'The report could not be loaded',
};
