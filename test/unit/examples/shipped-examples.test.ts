/**
 * Every shipped example (resources/examples/examples.json) read and checked the way the CLI does
 * it (`slicewise check <file> --json -` with no flags, step by step as src/cli/commands/check.ts:
 * import, the app's own role guesses, the check-up with the default settings, the report; one set
 * of services for all, to keep it fast): the guessed
 * task and roles are the ones resources/examples/README.md describes, and every problem planted on
 * purpose shows up as its finding. A change to the generators, the guesser or a check that hides a
 * planted problem fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkSettingsFromFlags } from '../../../src/cli/check-flags';
import { applyRoleFlags } from '../../../src/cli/role-flags';
import type { Finding } from '../../../src/shared/findings/types';
import type { DatasetRoles } from '../../../src/shared/roles/dataset-roles';
import { testServices } from '../helpers/services';

const DIR = join(import.meta.dirname, '../../../resources/examples');

interface Report {
  dataset: { rows: number };
  run: { roles: DatasetRoles };
  findings: Finding[];
}

interface Planted {
  /** What was planted (as resources/examples/README.md says it). */
  what: string;
  /** The finding that must show it: its exact id, or a test on the findings. */
  finding: string | ((f: Finding) => boolean);
  /** Set when the check-up cannot see it yet: the test is reported as to-do, not failed. */
  todo?: string;
}

interface Expected {
  file: string;
  rows: number;
  roles: Partial<Omit<DatasetRoles, 'classScores'>>;
  classes?: string[];
  planted: Planted[];
  /** Findings that must not appear (what a fixed mistake used to show). */
  absent?: { what: string; finding: (f: Finding) => boolean }[];
}

const weakSlice =
  (...labels: string[]) =>
  (f: Finding): boolean =>
    f.check === 'slices.weak' && labels.every((l) => (f.conditions ?? []).some((c) => c.label === l));

const LOAN_BASICS: Planted[] = [
  { what: 'missing incomes, written four ways', finding: 'quality.missing-tokens:annual_income' },
  { what: 'exact duplicate rows', finding: 'quality.duplicate-rows:rows' },
  { what: 'impossible ages', finding: 'quality.impossible-values:age:age' },
  { what: 'e-mail addresses', finding: 'privacy.email:email' },
  { what: 'phone numbers', finding: 'privacy.phone:phone' },
  { what: 'names', finding: 'privacy.person-name:applicant_name' },
  { what: 'sent_to_collections leaks the outcome', finding: 'quality.target-leakage:sent_to_collections' },
];
const LOAN_ROLES = { target: 'repaid', prediction: 'vendor_decision', score: 'vendor_score', positiveClass: '1', task: 'binary', sensitive: { age: 'age', sex: 'sex' } } as const;

const EXPECTED: Record<string, Expected> = {
  'loan-applications': {
    file: 'loan-applications.csv',
    rows: 2024,
    roles: { ...LOAN_ROLES, ids: ['application_id'] },
    planted: [
      ...LOAN_BASICS,
      { what: 'missing incomes', finding: 'quality.missing-values:annual_income' },
      { what: 'an application id used twice', finding: 'quality.duplicate-ids:application_id' },
      { what: 'a constant column', finding: 'quality.constant-columns:currency' },
      { what: 'inconsistent region spellings', finding: 'quality.inconsistent-spellings:region' },
      { what: 'application dates in the future (2052)', finding: 'quality.impossible-values:application_date:future-date' },
      { what: 'a miscalibrated score', finding: 'model.calibration:overall' },
      { what: 'women approved less often at the same risk', finding: 'fairness.groups:sex' },
    ],
  },
  'loan-applications-2026': {
    file: 'loan-applications-2026.csv',
    rows: 1506,
    roles: LOAN_ROLES,
    planted: LOAN_BASICS,
  },
  'photo-labels': {
    file: 'photo-labels.csv',
    rows: 2445,
    roles: { target: 'true_label', prediction: 'predicted_label', score: null, task: 'multiclass', positiveClass: null, sensitive: {}, ids: ['file_name'], timestamps: ['captured_at', 'uploaded_on'] },
    classes: ['deer', 'boar', 'fox', 'badger', 'hare', 'squirrel', 'lynx', 'bird'],
    planted: [
      { what: 'night photos from the broken-flash camera', finding: 'slices.weak:camera = CAM-07 and light = night' },
      { what: 'the same photos uploaded twice', finding: 'quality.duplicate-rows:rows' },
      { what: 'file names used for more than one row', finding: 'quality.duplicate-ids:file_name' },
      { what: 'photos labelled twice with different answers', finding: 'quality.conflicting-labels:true_label' },
      { what: 'a rare class (lynx)', finding: (f) => f.id === 'quality.class-imbalance:true_label' && f.numbers.minorityClass === 'lynx' },
      { what: 'no temperature from one camera', finding: 'quality.missing-values:temperature_c' },
      { what: 'a camera clock set to 2035', finding: 'quality.impossible-values:captured_at:future-date' },
      { what: 'uploaders\u2019 e-mail addresses', finding: 'privacy.email:uploaded_by' },
      {
        what: 'over-confident scores',
        finding: (f) => f.check === 'model.calibration',
        todo: 'the top-label calibration check reads the class scores, but over all photos they are off by 3.9% (ECE 0.039, under the 0.05 threshold): the over-confidence sits in the 157 broken-flash night photos, which the weak-slice check finds',
      },
    ],
  },
  'house-prices': {
    file: 'house-prices.csv',
    rows: 2024,
    roles: { target: 'actual_sale_price', prediction: 'predicted_sale_price', score: null, task: 'regression', positiveClass: null, sensitive: { seller_age: 'age' }, ids: ['listing_id'], timestamps: ['listed_on', 'sold_on'] },
    planted: [
      { what: 'Harbour Point priced far too low', finding: weakSlice('neighbourhood = Harbour Point') },
      { what: 'listings exported twice', finding: 'quality.duplicate-rows:rows' },
      { what: 'listing ids used twice', finding: 'quality.duplicate-ids:listing_id' },
      { what: 'year built not recorded', finding: 'quality.missing-values:year_built' },
      { what: 'areas entered in square feet', finding: 'quality.outliers:area_m2' },
      { what: 'years built with a digit lost', finding: 'quality.outliers:year_built' },
      { what: 'sale dates with swapped digits (2052)', finding: 'quality.impossible-values:sold_on:future-date' },
      { what: 'owners\u2019 names', finding: 'privacy.person-name:owner_name' },
      { what: 'owners\u2019 phone numbers', finding: 'privacy.phone:owner_phone' },
      {
        what: 'price_per_m2 is worked out from the sale price (with area_m2 it rebuilds it)',
        finding: (f) => f.check === 'quality.target-leakage' && f.columns.includes('price_per_m2') && f.columns.includes('area_m2'),
      },
    ],
    absent: [
      {
        what: 'a weak slice described by the leaking price_per_m2',
        finding: (f) => f.check === 'slices.weak' && (f.conditions ?? []).some((c) => c.column === 'price_per_m2'),
      },
    ],
  },
};

const { services } = testServices();
after(() => services.shutdown());
const projectId = services.projects.create('shipped-examples').id;

/** The check-up as `slicewise check <file> --json -` runs it (src/cli/commands/check.ts, runCheck). */
async function checkExample(file: string): Promise<Report> {
  const settings = checkSettingsFromFlags({});
  const imported = await services.imports.start(projectId, join(DIR, file), undefined, () => {}).outcome;
  if (imported.status !== 'succeeded') assert.fail(`${file} did not import: ${JSON.stringify(imported)}`);
  const datasetId = imported.value.datasetId;
  const state = services.projects.roles(projectId, datasetId);
  const roles = applyRoleFlags(state.roles, {}, state.profiles);
  const checked = await services.checkups.start(projectId, datasetId, { roles, options: settings.options, onProgress: () => {} }).outcome;
  if (checked.status !== 'succeeded') assert.fail(`the check-up of ${file} did not finish: ${JSON.stringify(checked)}`);
  // Through JSON, as the CLI writes it.
  return JSON.parse(JSON.stringify(services.checkups.report(projectId, checked.value.runId))) as Report;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'examples.json'), 'utf8')) as { id: string; fileName: string }[];

test('examples.json lists the loan example first and every example this test knows, each once', () => {
  assert.equal(manifest[0]?.id, 'loan-applications');
  assert.deepEqual(manifest.map((e) => e.id).sort(), Object.keys(EXPECTED).sort());
  for (const e of manifest) assert.equal(e.fileName, EXPECTED[e.id]!.file);
});

for (const { id } of manifest) {
  const expected = EXPECTED[id];
  if (!expected) continue;
  describe(`shipped example ${id}`, () => {
    let report: Report;
    before(async () => {
      report = await checkExample(expected.file);
    });

    test('the guessed task and roles', () => {
      assert.equal(report.dataset.rows, expected.rows);
      const roles = report.run.roles;
      for (const [key, value] of Object.entries(expected.roles)) assert.deepEqual(roles[key as keyof DatasetRoles], value, key);
      if (expected.classes) {
        assert.deepEqual(roles.classScores, Object.fromEntries(expected.classes.map((c) => [c, `score_${c}`])));
      } else assert.deepEqual(roles.classScores, {});
    });

    for (const p of expected.planted) {
      test(`planted: ${p.what}`, { todo: p.todo }, () => {
        const found = report.findings.find((f) => (typeof p.finding === 'string' ? f.id === p.finding : p.finding(f)));
        assert.ok(found, `no finding for: ${p.what}`);
        assert.equal(found.status, 'issue', `${found.id} is ${found.status}`);
      });
    }
    for (const a of expected.absent ?? []) {
      test(`not shown: ${a.what}`, () => {
        const found = report.findings.find(a.finding);
        assert.equal(found, undefined, `unexpected finding ${found?.id}`);
      });
    }
  });
}
