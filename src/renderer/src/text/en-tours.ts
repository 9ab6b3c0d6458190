/**
 * Guided tours over the shipped examples' reports: each step points at a part of the report (a
 * finding card by its id, or an element by test id) and says, in plain words, what was planted
 * there and how the report shows it. Steps whose target is not on the page are skipped.
 */
export interface TourStep {
  /** A CSS selector of the element the step is about. */
  target: string;
  title: string;
  body: string;
}

const card = (findingId: string): string => `[data-testid="finding-card"][data-finding-id="${findingId}"]`;

export const tourWords = {
  start: 'Take the guided tour of this example',
  startHint: 'A short walk through the problems planted in this example, one at a time.',
  label: 'Guided tour',
  step: (k: number, n: number) => `Step ${k} of ${n}`,
  back: 'Back',
  next: 'Next',
  finish: 'Finish the tour',
  end: 'End tour',
};

/** Tours by the example's file name. */
export const TOURS: Record<string, TourStep[]> = {
  'loan-applications.csv': [
    {
      target: '[data-testid="report-summary"]',
      title: 'Start with the summary',
      body: 'This example was made with problems planted on purpose. The summary counts what needs your attention and what passed; below it, findings are grouped by section, most serious first.',
    },
    {
      target: card('quality.target-leakage:sent_to_collections'),
      title: 'A column that gives the answer away',
      body: '“sent_to_collections” is only filled in after a loan goes bad, so it almost equals the outcome. A model trained with it would look brilliant and fail on new applications. The check-up leaves it out of the other checks and says so.',
    },
    {
      target: card('privacy.email:email'),
      title: 'Personal data',
      body: 'Names, e-mail addresses and phone numbers are in the file. They are not needed to judge loans, and sharing this file would share them. Exports mask them unless you choose otherwise.',
    },
    {
      target: card('fairness.groups:sex'),
      title: 'Women are approved less often',
      body: 'The vendor’s score was made lower for women at the same true risk: about 67% of women are approved against 79% of men, although both groups repay about as often. The card shows the gap, its range, and how sure we are that it is not chance.',
    },
    {
      target: card('model.calibration:overall'),
      title: 'A score that is not a probability',
      body: 'A score of 0.9 should mean “9 in 10 repay”. This one is too extreme at both ends, so it cannot be read as a chance of repaying. The chart compares what the score says with what happened.',
    },
    {
      target: card('quality.duplicate-rows:rows'),
      title: 'Rows that appear twice',
      body: '24 applications are in the file twice. Duplicates count some people double in every figure. Explore → Flagged rows lists them.',
    },
    {
      target: '[data-testid="finding-card"][data-finding-id^="slices.weak:"]',
      title: 'Where the model is wrong most often',
      body: 'The check-up searched thousands of combinations of values and kept the ones where the model is clearly worse than elsewhere, after allowing for the many comparisons.',
    },
    {
      target: '[data-testid="open-explore"]',
      title: 'Look closer',
      body: 'Explore shows each column, each group, each weak slice with its rows, and a cut-off slider: move it to see how many would be approved and how the groups’ rates change.',
    },
  ],
};
