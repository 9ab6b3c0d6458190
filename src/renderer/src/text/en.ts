/**
 * Every word the renderer shows, in one place (English). Written for someone who has never
 * heard of statistics: short sentences, no jargon, say what to do next.
 */
import type { ColumnKind } from '../../../shared/domain';

export const en = {
  app: {
    title: 'Slicewise',
    tagline: 'A private check-up of your data. Everything stays on this computer.',
    noBridge:
      'Slicewise could not connect to its engine. Please close this window and open Slicewise again from your applications.',
    skipToContent: 'Skip to content',
  },
  home: {
    heading: 'Check a spreadsheet',
    recentHeading: 'Recent projects',
    recentEmptyTitle: 'No projects yet',
    recentEmptyBody: 'When you check a file, it is saved as a project so you can come back to it. Your projects will be listed here.',
    recentLoading: 'Loading your recent projects…',
    openProject: (name: string) => `Open project ${name}`,
    lastOpened: (when: string) => `Last opened ${when}`,
    missingFile: 'File not found',
    missingFileHint: 'It may have been moved or deleted.',
    forget: 'Remove from list',
    forgetLabel: (name: string) => `Remove ${name} from the recent list`,
    examplesHeading: 'Try an example',
    examplesBody: 'Not sure where to start? Open a sample file that comes with Slicewise.',
    examplesEmpty: 'No examples are installed with this copy of Slicewise.',
    openExample: 'Open example',
    openProjectFile: 'Open a project file…',
  },
  drop: {
    title: 'Drop a spreadsheet here',
    titleSmall: 'Add another file to this project',
    hint: 'CSV or TSV text files. The file is read on this computer and never uploaded.',
    hintSmall: 'Drop a CSV or TSV file here, or choose one.',
    choose: 'Choose a file…',
    dropNow: 'Release to check this file',
    fileInputLabel: 'Spreadsheet file',
    noPath:
      'Slicewise could not tell where this file is on your computer. Please use "Choose a file…" instead.',
  },
  importing: {
    heading: (file: string) => `Reading ${file}`,
    body: 'Slicewise is reading your file and saving a copy into the project. Large files can take a minute.',
    starting: 'Starting…',
    stage: (stage: string): string => ({ Reading: 'Reading the file', Saving: 'Saving into the project', Done: 'Finishing' })[stage] ?? stage,
    rowsSoFar: (rows: string) => `${rows} so far`,
    percent: (p: number) => `${p}% done`,
    progressLabel: 'Import progress',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    cancelledNote: (file: string) => `The import of ${file} was cancelled. Nothing was saved.`,
  },
  importFailed: {
    heading: 'This file could not be read',
    intro: (file: string) => `Slicewise stopped reading ${file} because of a problem in the file:`,
    where: (line: number, file: string | undefined) =>
      `Where: line ${line.toLocaleString('en-US')}${file ? ` of ${file}` : ''}`,
    tryAnother: 'Try another file',
    reassurance: 'Nothing was changed in your file, and no half-read data was saved.',
  },
  project: {
    label: 'Project',
    datasetsHeading: 'Data in this project',
    noDatasets: 'This project has no data yet. Add a spreadsheet to get started.',
    datasetCard: (rows: string, cols: string) => `${rows} rows · ${cols} columns`,
    openDataset: (name: string) => `Open ${name}`,
    close: 'Close project',
    savedAt: (path: string) => `Saved at ${path}`,
  },
  dataset: {
    back: (project: string) => `Back to ${project}`,
    breadcrumb: 'Where you are',
    rows: 'Rows',
    columns: 'Columns',
    source: 'File',
    size: 'Size',
    imported: 'Read on',
    importTook: (seconds: string) => `took ${seconds}`,
    columnsHeading: 'Columns',
    columnsIntro:
      'Each column of your file, what kind of values it holds, and how many cells are empty. Empty cells can make results less reliable.',
    colName: 'Column',
    colType: 'Holds',
    colMissing: 'Empty cells',
    colMissingShare: 'Share empty',
    none: 'none',
    lessThan: '< 0.1%',
    allMissing: 'all',
    missingBarLabel: (name: string, pct: string) => `${name}: ${pct} of cells empty`,
    emptyColumnsNote: 'This file has no columns.',
    missingTokensNote: (tokens: string) => `Cells that are blank or say ${tokens} are counted as empty.`,
    notesHeading: 'Good to know about this file',
  },
  /** What a column holds, in words (the detected kind). */
  types: {
    integer: 'Whole numbers',
    decimal: 'Decimal numbers',
    boolean: 'Yes / no',
    date: 'Dates',
    datetime: 'Dates and times',
    category: 'Categories',
    text: 'Text',
    id: 'Labels (one per row)',
    empty: 'Nothing (all empty)',
  } satisfies Record<ColumnKind, string>,
  errors: {
    generic: 'Something went wrong. Please try again.',
    dismiss: 'Dismiss',
    openFailed: 'That project could not be opened',
    exampleFailed: 'The example could not be opened',
    loadFailed: 'This could not be loaded',
    retry: 'Try again',
  },
  /** "a", "a or b", "a, b or c". */
  orList: (items: string[]): string =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`,
  units: {
    bytes: (n: number): string => {
      if (n < 1024) return `${n} bytes`;
      const units = ['KB', 'MB', 'GB', 'TB'];
      let v = n / 1024;
      let i = 0;
      while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
      }
      return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i] ?? 'TB'}`;
    },
    seconds: (ms: number): string => (ms < 1000 ? 'less than a second' : `${(ms / 1000).toFixed(1)} seconds`),
  },
} as const;

export type Text = typeof en;
