/**
 * Every word the renderer shows, in one place (English). Written for someone who has never
 * heard of statistics: short sentences, no jargon, say what to do next.
 */
import { CHECKUP_STEP_NAMES } from '../../../shared/checks/stage-names';
import type { ColumnKind } from '../../../shared/domain';
import { reportWords } from './en-report';
import { joinWords } from './en-join';
import { metricWords } from './en-metrics';
import { fairnessWords } from './en-fairness';
import { changesWords } from './en-changes';
import { learnWords } from './en-learn';
import { exploreScreenWords } from './en-explore-screen';
import { tourWords } from './en-tours';
import { deletionWords } from './en-delete';

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
    /** The headline itself is the report's summary line (en.report.summary). */
    lastCheckup: (when: string) => `Last check-up ${when}`,
    noCheckup: 'No check-up yet',
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
    hint: 'CSV, Excel, JSON, Parquet or Arrow files. The file is read on this computer and never uploaded.',
    hintSmall: 'Drop a CSV, Excel, JSON, Parquet or Arrow file here, or choose one.',
    choose: 'Choose a file…',
    dropNow: 'Release to check this file',
    fileInputLabel: 'Data file (CSV, Excel, JSON, Parquet or Arrow)',
    noPath:
      'Slicewise could not tell where this file is on your computer. Please use "Choose a file…" instead.',
  },
  importing: {
    heading: (file: string) => `Reading ${file}`,
    body: 'Slicewise is reading your file and saving a copy into the project. Large files can take a minute.',
    starting: 'Starting…',
    stage: (stage: string): string =>
      ({ Reading: 'Reading the file', 'Looking at the columns': 'Looking at the columns', Saving: 'Saving into the project', Done: 'Finishing' })[stage] ?? stage,
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
    raggedHeading: 'What should Slicewise do with those lines?',
    raggedIntro: (count: number) =>
      `Read the file again, and choose what happens to the ${count === 1 ? 'line' : `${count.toLocaleString('en-US')} lines`} that ${count === 1 ? 'does' : 'do'} not match the header:`,
    keepLines: 'Keep those lines (fill the gaps)',
    keepLinesHint: 'Missing values are left empty; extra values at the end are dropped.',
    skipLines: 'Skip those lines',
    skipLinesHint: 'Those lines are left out; every other line is read.',
    encodingHeading: 'Was this file saved by an older program?',
    readAsLegacy: 'Read it as Windows-1252 (older Windows programs)',
  },
  preview: {
    eyebrow: 'Step 1 of 2 · Check what was read',
    heading: 'Does this look like your file?',
    summary: (rows: string, cols: string, file: string) => `${rows} rows and ${cols} columns read from ${file}.`,
    back: (project: string) => `Back to ${project}`,
    notesHeading: 'Good to know about this file',
    headerRow: (row: number) =>
      `The column names were found on row ${row}, not row 1: the rows above them look like titles, so they were left out.`,
    gridHeading: 'Your data',
    gridLabel: (name: string, rows: string, cols: string) => `Preview of ${name}: ${rows} rows and ${cols} columns`,
    gridHelp: 'Click the table or move to it with Tab, then scroll with the arrow keys, Page Up, Page Down, Home and End.',
    rowNumber: 'Row',
    emptyCell: 'empty',
    emptyCellTitle: 'No value in this cell: it counts as missing',
    loadingRow: 'Loading…',
    rowsFailed: 'Some rows could not be loaded.',
    noRows: 'This table has no rows to show.',
    next: 'Next: what is in your file?',
    toSummary: 'Skip to the column summary',
    sheetHeading: 'Which sheet holds your table?',
    sheetIntro: (sheet: string) =>
      `This workbook has several sheets. Slicewise read "${sheet}". If your table is on another sheet, or its column names are on another row, read it again.`,
    sheetLabel: 'Sheet',
    headerRowLabel: 'Column names are on row',
    readAgain: 'Read again',
    readAgainNote: 'The new reading is added to this project as another table.',
    encodingHeading: 'Do some letters look wrong?',
    encodingIntro: (encoding: string) =>
      `Slicewise read this file as ${encoding}. If accents or symbols look garbled (for example "Ã©" instead of "é"), read it again another way.`,
    readAs: (encoding: string) => `Read again as ${encoding}`,
    encodings: {
      'utf-8': 'UTF-8 (most modern files)',
      'windows-1252': 'Windows-1252 (older Windows programs)',
      'utf-16le': 'UTF-16',
      'utf-16be': 'UTF-16',
    } as Record<string, string>,
  },
  roles: {
    eyebrow: 'Step 2 of 2',
    heading: 'What is in your file?',
    intro:
      'Slicewise has guessed an answer to each question from the column names and values. Check them, change what is wrong, then save. Nothing about a model is required: with data alone you still get the data check-up.',
    guessedState: 'These are Slicewise’s guesses. Nothing is saved until you press Save.',
    confirmedState: 'These are the answers you saved. Change anything and save again.',
    loading: 'Loading your columns…',
    back: 'Back to the preview',
    backToSummary: (name: string) => `Back to ${name}`,
    guessLabel: 'Our guess:',
    whyLabel: 'Why we ask:',
    none: 'None',
    outcomeSection: 'The outcome',
    modelSection: 'The model',
    peopleSection: 'People',
    columnsSection: 'Other columns',
    target: {
      label: 'Which column says what really happened?',
      why: 'The real outcome is what a model’s guesses are compared with. The data check also looks at it, for example to see if one outcome is rare.',
      none: 'None: there is no outcome column',
    },
    task: {
      label: 'What kind of outcome is it?',
      why: 'Each kind is measured differently: right or wrong answers for yes/no and classes, how far off for amounts.',
      options: { binary: 'Yes or no (two outcomes)', multiclass: 'One of several classes', regression: 'An amount (a number)' },
    },
    positive: {
      label: 'Which outcome is the one the model looks for?',
      why: 'Rates like “how many of the approvals were right” are counted from this outcome.',
      noValues: 'This column has too many different values to list; type the outcome exactly as it is written.',
      typeLabel: 'The outcome the model looks for',
    },
    predictionPositive: {
      label: (positive: string) => `Which of the model’s answers means “${positive}”?`,
      guess: (answer: string) => `We matched “${answer}”.`,
      why: 'The model answers in other words than the outcome column, so we need to know which answer stands for the outcome it looks for.',
    },
    noModel: {
      label: 'No model results in this file',
      hint: 'Tick this if your file holds only data. You still get the data check-up.',
      guessedNone: 'No column looks like a model’s guess or score.',
    },
    prediction: {
      label: 'Which column is the model’s guess?',
      why: 'Comparing the guess with what really happened shows where the model is wrong, and for whom.',
    },
    score: {
      label: 'Which column is the model’s score or confidence?',
      why: 'A score shows how sure the model was, so Slicewise can check whether it is sure for the right reasons.',
      perClassIntro: 'The model gives one score per class. Check which column holds each class’s score (choose “none” to leave a class out; with fewer than two the per-class scores are not used).',
      classLabel: (cls: string) => `Score for “${cls}”`,
    },
    sensitive: {
      label: 'Which columns describe people in ways the law protects?',
      why: 'Slicewise compares results between groups (for example women and men, or young and old) to find unfair treatment.',
      kindLabel: (column: string) => `What ${column} describes`,
      nothing: 'No column chosen: the fairness checks will be skipped.',
    },
    kinds: {
      sex: 'Sex',
      gender: 'Gender',
      age: 'Age',
      race: 'Race',
      ethnicity: 'Ethnicity',
      religion: 'Religion',
      disability: 'Disability',
      nationality: 'Nationality',
      marital_status: 'Marital status',
      pregnancy: 'Pregnancy',
      language: 'Language',
      other: 'Something else protected',
    } as Record<string, string>,
    others: {
      label: 'Are any columns ids, dates, or best left out?',
      why: 'Ids and dates are not compared like other values, and columns you leave out are ignored by every check.',
      useLabel: (column: string) => `What to do with ${column}`,
      options: { feature: 'Use in the check-up', id: 'An id (one per row)', timestamp: 'A date or time', ignored: 'Leave out' },
      fixed: { target: 'The outcome', prediction: 'The model’s guess', score: 'The model’s score' },
      columnHeader: 'Column',
      useHeader: 'Use it as',
    },
    save: 'Save answers',
    saving: 'Saving…',
    problemsTitle: 'Please change this before saving:',
    saveFailed: 'Your answers could not be saved',
    saved: 'Roles saved. Slicewise will use your answers when it checks this file.',
  },
  checkup: {
    run: 'Run the check-up',
    callHeading: 'Ready for a check-up',
    runHint: 'Looks for problems in the data and, if your file has a model’s results, in the model. Takes a few seconds.',
    heading: (name: string) => `Checking ${name}`,
    body: 'Slicewise is looking at every column and, if there is one, at the model’s results. You can keep using your computer; nothing leaves it.',
    starting: 'Starting…',
    stagesLabel: 'Steps of the check-up',
    stages: CHECKUP_STEP_NAMES,
    step: (stage: string): string => {
      const all: readonly string[] = en.checkup.stages;
      const i = all.indexOf(stage);
      return i === -1 ? stage : `Step ${i + 1} of ${all.length}: ${stage}`;
    },
    stageDone: 'done',
    stageNow: 'in progress',
    stageNext: 'to do',
    percent: (p: number) => `${p}% done`,
    progressLabel: 'Check-up progress',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    cancelledNote: 'The check-up was cancelled. Nothing was saved.',
    failedTitle: 'The check-up could not finish',
  },
  runs: {
    heading: 'Earlier check-ups',
    none: 'No check-ups yet. Run one to see what Slicewise finds.',
    loading: 'Loading earlier check-ups…',
    when: (date: string) => `Check-up of ${date}`,
    counts: (issues: number, passed: number) =>
      `${issues.toLocaleString('en-US')} to look at · ${passed.toLocaleString('en-US')} passed`,
    open: 'Open report',
    openLabel: (date: string) => `Open the report of the check-up of ${date}`,
  },
  modelCard: {
    heading: 'About this model (for the model card)',
    intro: 'What you write here goes into the model card with the measured results. Saved in the project.',
    fields: {
      owner: { label: 'Who is responsible', placeholder: 'e.g. Credit team, Ana Ruiz' },
      intendedUse: { label: 'What the model is for', placeholder: 'e.g. Rank applications for a human reviewer' },
      outOfScope: { label: 'What it must not be used for', placeholder: 'e.g. Declining an application on its own' },
      dataDescription: { label: 'Where the data comes from', placeholder: 'e.g. Applications from 2024–2025, all branches' },
      limitations: { label: 'Known limitations', placeholder: 'e.g. Few applicants over 70' },
    },
    save: 'Save',
    saved: 'Saved.',
    loading: 'Loading what you wrote for the model card…',
    exportButton: 'Model card',
  },
  exports: {
    heading: 'Share this report',
    formats: { pdf: 'PDF for a manager', html: 'Web page', md: 'Markdown', json: 'JSON (for tools)', csv: 'Flagged rows (CSV)' },
    working: 'Saving…',
    includePersonal: 'Include personal data in this export (names, e-mails, phone numbers are masked unless you tick this)',
    written: (path: string) => `Saved to ${path}.`,
    failed: 'The export failed',
  },
  audit: {
    heading: 'What happened in this project',
    intro: 'Every import, change of roles, check-up, export and deletion, with its time. Kept in the project file.',
    loading: 'Loading the project’s history…',
    none: 'Nothing yet.',
    actions: { import: 'Import', join: 'Join', roles: 'Roles', run: 'Check-up', export: 'Export', settings: 'Settings', delete: 'Deleted' },
  },
  report: reportWords,
  fairness: fairnessWords,
  changes: changesWords,
  learn: learnWords,
  explore: exploreScreenWords,
  tours: tourWords,
  deletion: deletionWords,
  /** Names of scrollable tables, for screen readers (each box can take focus to be scrolled). */
  tables: {
    driftColumns: 'Table: how each column changed',
    performanceChange: 'Table: how the model’s performance changed',
    slices: 'Table: slices of rows',
    disparities: 'Table: gaps between groups',
    metrics: 'Table: measures of the model',
    threshold: 'Table: rates at the chosen cut-off',
    groups: 'Table: groups side by side',
    columns: 'Table: the columns of the dataset',
    timeline: 'Table: key numbers of every run',
    modelGroups: 'Table: the two models group by group',
  },
  join: joinWords,
  metrics: metricWords,
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
    previewData: 'Preview the data',
    reviewRoles: 'What is in your file?',
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
    recover: 'Recover what can be read into a new file',
    recovered: 'Recovered into a new project file',
    recoverFailed: 'Nothing could be recovered',
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
