/**
 * The glossary window's own words (English), part of `en` (text/en.ts). The entries themselves —
 * what each measure is, when it misleads, the worked examples — are shared: src/shared/text/en/glossary.
 */
import type { GlossaryKind } from '../../../shared/text/en/glossary';

export const learnWords = {
  /** The header button that opens the glossary's index. */
  open: 'Learn',
  openLabel: 'Learn: every measure and check explained',
  /** The small button next to a number or a term. */
  linkIcon: 'i',
  linkLabel: (name: string) => `Learn about ${name}`,
  title: 'Learn',
  intro:
    'Every measure and check Slicewise uses, in plain words: what it is, worked out on your own data, and when it can mislead. Pick one from the list, or search for a word.',
  searchLabel: 'Search the glossary',
  searchPlaceholder: 'e.g. precision, p-value, PSI',
  results: (n: number) => (n === 1 ? '1 entry' : `${n.toLocaleString('en-US')} entries`),
  noResults: (query: string) => `Nothing matches “${query}”. Try a shorter word.`,
  indexLabel: 'All entries',
  kinds: {
    measure: 'Measures of the model',
    fairness: 'Fairness between groups',
    certainty: 'How sure we are',
    change: 'Changes and comparisons',
    check: 'Checks of the data',
  } satisfies Record<GlossaryKind, string>,
  also: (technical: string) => `Also called: ${technical}`,
  what: 'What it is',
  example: 'Worked out on your data',
  exampleNoReport: 'Open a check-up report (or a comparison) to see this worked out on your own data.',
  exampleNoCheck: 'This check did not run on your data, so there is no example from it.',
  exampleNoNumbers: 'Your results do not include the numbers for this one, so there is no example from them.',
  misleads: 'When it misleads',
  definition: 'The exact definition',
  related: 'Related',
  back: 'Back to the list',
  close: 'Close',
  closeLabel: 'Close the glossary',
  chartsLearn: 'About these charts:',
  testsLearn: 'About the tests:',
  chartNames: { roc: 'ROC curve', pr: 'Precision–recall curve', reliability: 'Reliability diagram' },
};
