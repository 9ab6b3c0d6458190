/**
 * The check-up's steps as a person reads them on the progress screen, in order. The registry
 * names its stages from this list and the renderer shows it (without importing every check).
 */
export const STAGE_NAMES = {
  load: 'Loading the data',
  quality: 'Checking the data',
  privacy: 'Looking for personal data',
  model: 'Checking the model',
  scores: 'Checking the scores',
  fairness: 'Comparing groups of people',
  slices: 'Looking for weak spots',
  save: 'Saving the results',
} as const;

export const CHECKUP_STEP_NAMES: readonly string[] = Object.values(STAGE_NAMES);
