/**
 * What a value test says about one value: 0 = not this kind; 1 = this kind; 2 = the right shape but
 * its check digits fail (a card number failing Luhn). Shape-only values are counted so a column of
 * random digits, where about one value in ten passes Luhn by chance, is not reported as cards.
 */
export type Verdict = 0 | 1 | 2;
export const NO: Verdict = 0;
export const MATCH: Verdict = 1;
export const SHAPE_ONLY: Verdict = 2;

export type ValueTest = (value: string) => Verdict;
