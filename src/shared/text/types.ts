import type { Finding } from '../findings/types';

/**
 * The words for one check's findings, written for a reader with no statistics. Headlines carry
 * the real numbers and stay under ~25 words; jargon lives only in `learnMore`.
 */
export interface FindingText {
  /** The check's name, e.g. "Missing values". */
  title: string;
  /** One sentence with the numbers, e.g. "69 of 2,024 incomes (3.4%) are missing." */
  headline(f: Finding): string;
  /** Why it matters, in plain words. */
  why(f: Finding): string;
  /** What the person can do about it. */
  action(f: Finding): string;
  /** The exact definition and thresholds, for "learn more". */
  learnMore: string;
}

export type FindingTexts = Record<string, FindingText>;
