import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDelimitedFile } from '../../../../src/main/ingest/csv/read-delimited';
import { guessRoles, pickPositive, type ColumnProfileLite } from '../../../../src/shared/roles/guess-roles';
import { profileForRoles } from '../../../../src/shared/roles/profile';
import { DEFAULT_MISSING_TOKENS } from '../../../../src/shared/missing';
import { normaliseName, matchWords, SENSITIVE_WORDS } from '../../../../src/shared/roles/vocabulary';

const ROOT = join(import.meta.dirname, '../../../..');
const noop = { progress: () => {}, throwIfCancelled: () => {} };

const cat = (name: string, values: string[], distinct = values.length): ColumnProfileLite => ({ name, kind: 'category', present: 100, distinct, values, min: null, max: null });
const num = (name: string, min: number, max: number, kind: 'integer' | 'decimal' = 'decimal', distinct: number | null = null, values: string[] = []): ColumnProfileLite => ({
  name, kind, present: 100, distinct, values, min, max,
});
const role = (g: ReturnType<typeof guessRoles>, column: string) => g.columns.find((c) => c.column === column)!;

describe('guessRoles', () => {
  test('the shipped loan example: outcome, decision, score, sensitive columns, ids, dates', () => {
    const read = readDelimitedFile(join(ROOT, 'resources/examples/loan-applications.csv'), { missingTokens: DEFAULT_MISSING_TOKENS }, noop);
    const g = guessRoles(profileForRoles(read.table));
    assert.equal(g.target, 'repaid');
    assert.equal(g.prediction, 'vendor_decision');
    assert.equal(g.score, 'vendor_score');
    assert.equal(g.task, 'binary');
    assert.equal(g.positiveClass, '1');
    assert.equal(role(g, 'sex').role, 'sensitive');
    assert.equal(role(g, 'sex').sensitiveKind, 'sex');
    assert.equal(role(g, 'age').role, 'sensitive');
    assert.equal(role(g, 'age').sensitiveKind, 'age');
    assert.equal(role(g, 'application_id').role, 'id');
    assert.equal(role(g, 'application_date').role, 'timestamp');
    assert.equal(role(g, 'annual_income').role, 'feature');
    for (const c of g.columns) assert.ok(c.reason.length > 10, `${c.column} has a reason`);
  });

  test('Spanish, French and German names for protected characteristics', () => {
    const g = guessRoles([cat('Sexo', ['a', 'b']), cat('nationalité', ['x', 'y']), cat('Familienstand', ['x', 'y']), cat('Religión', ['x']), cat('Behinderung', ['ja', 'nein']), num('Edad', 18, 90, 'integer')]);
    assert.deepEqual(g.columns.map((c) => c.sensitiveKind), ['sex', 'nationality', 'marital_status', 'religion', 'disability', 'age']);
  });

  test('a column is sensitive by its values even when its name says nothing', () => {
    const g = guessRoles([cat('col_7', ['female', 'male'])]);
    assert.equal(g.columns[0]!.role, 'sensitive');
    assert.equal(g.columns[0]!.sensitiveKind, 'sex');
  });

  test('names are matched as whole words: "page" and "usage" are not age, "stage" is not', () => {
    const g = guessRoles([num('page_views', 0, 100, 'integer'), cat('usage', ['low', 'high']), cat('stage', ['a', 'b'])]);
    assert.ok(g.columns.every((c) => c.role === 'feature'));
  });

  test('per-class scores and multiclass task', () => {
    const g = guessRoles([cat('label', ['cat', 'dog', 'bird']), cat('predicted', ['cat', 'dog', 'bird']), num('proba_cat', 0, 1), num('proba_dog', 0, 1), num('proba_bird', 0, 1)]);
    assert.equal(g.task, 'multiclass');
    assert.equal(g.target, 'label');
    assert.equal(g.prediction, 'predicted');
    assert.deepEqual(g.classScores, { cat: 'proba_cat', dog: 'proba_dog', bird: 'proba_bird' });
    assert.equal(g.score, null);
    assert.equal(role(g, 'proba_dog').role, 'class-score');
  });

  test('regression when the outcome holds amounts', () => {
    const g = guessRoles([num('actual_price', 1000, 900000), num('predicted_price', 1000, 800000)]);
    assert.equal(g.task, 'regression');
    assert.equal(g.target, 'actual_price');
    assert.equal(g.prediction, 'predicted_price');
    assert.equal(g.positiveClass, null);
  });

  test('a score must lie in [0, 1]', () => {
    const g = guessRoles([cat('y', ['0', '1']), num('score', 0, 850, 'integer')]);
    assert.equal(g.score, null);
  });

  test('no outcome: a dataset-only check-up, with the reason', () => {
    const g = guessRoles([cat('city', ['a', 'b']), num('amount', 0, 10)]);
    assert.equal(g.target, null);
    assert.equal(g.task, null);
    assert.match(g.reasons.task, /checks the data only/);
  });

  test('the positive class', () => {
    assert.equal(pickPositive(['0', '1']), '1');
    assert.equal(pickPositive(['No', 'Yes']), 'Yes');
    assert.equal(pickPositive(['declined', 'approved']), 'approved');
    assert.equal(pickPositive(['red', 'blue']), null);
  });

  test('name normalisation', () => {
    assert.equal(normaliseName('Âge_Group'), 'age group');
    assert.equal(normaliseName('maritalStatus'), 'marital status');
    assert.equal(normaliseName('Staatsangehörigkeit'), 'staatsangehorigkeit');
    assert.equal(matchWords('age group', SENSITIVE_WORDS.age!), 'age group');
  });
});

describe('matchPredictionPositive', () => {
  test('maps the outcome’s positive to the decision’s matching value, both ways round', async () => {
    const { matchPredictionPositive } = await import('../../../../src/shared/checks/model/outcome');
    assert.equal(matchPredictionPositive('1', ['0', '1'], ['approved', 'declined']), 'approved');
    assert.equal(matchPredictionPositive('0', ['0', '1'], ['approved', 'declined']), 'declined');
    assert.equal(matchPredictionPositive('yes', ['no', 'yes'], ['no', 'yes']), 'yes');
    assert.equal(matchPredictionPositive('1', ['0', '1'], ['red', 'blue']), null);
  });
});
