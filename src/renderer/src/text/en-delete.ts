/**
 * The words for deleting a check-up or a dataset (English), part of `en` (text/en.ts). Each
 * confirmation says exactly what will be lost, what stays, and that it cannot be undone.
 */
import type { DatasetDeletion } from '../../../shared/domain';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "loans and its 3 check-ups", "loans". */
const withCheckups = (d: Pick<DatasetDeletion, 'name' | 'checkups'>): string =>
  d.checkups > 0 ? `${d.name} and its ${count(d.checkups, 'check-up', 'check-ups')}` : d.name;

export const deletionWords = {
  cannotUndo: 'This cannot be undone.',
  cancel: 'Cancel',
  deleting: 'Deleting…',
  dataset: {
    button: 'Delete dataset',
    buttonLabel: (name: string) => `Delete ${name} from this project`,
    checking: 'Finding out what would be deleted…',
    question: (d: Pick<DatasetDeletion, 'name' | 'checkups'>) => `Delete ${withCheckups(d)}?`,
    lostIntro: 'These will be deleted from the project:',
    lostRows: (rows: number) => `the ${count(rows, 'row', 'rows')} read from the file, and your answers about its columns`,
    lostCheckups: (n: number) => `${count(n, 'check-up', 'check-ups')} with ${n === 1 ? 'its report' : 'their reports'}`,
    lostComparisons: (n: number) => `${count(n, 'comparison', 'comparisons')} that used this data`,
    fileStays: (file: string) => `Your file ${file} on this computer is not touched.`,
    confirm: 'Delete dataset',
    failed: 'The dataset was not deleted',
    done: (d: DatasetDeletion) =>
      `Deleted ${withCheckups(d)}${d.comparisons > 0 ? `, and ${count(d.comparisons, 'comparison', 'comparisons')} that used it` : ''}.`,
  },
  run: {
    button: 'Delete',
    buttonLabel: (when: string) => `Delete the check-up of ${when}`,
    question: (when: string) => `Delete the check-up of ${when}?`,
    lost: (issues: number, passed: number) =>
      `Its report will be deleted: ${count(issues, 'thing', 'things')} to look at and ${count(passed, 'check', 'checks')} that passed.`,
    stays: 'The dataset and your other check-ups stay.',
    confirm: 'Delete check-up',
    failed: 'The check-up was not deleted',
    done: (when: string) => `The check-up of ${when} was deleted.`,
  },
};
