/**
 * Per-class score columns matched to the labels the outcome really holds (case, spaces and
 * underscores aside), and a reason — never a silent drop — when some class has no score column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calibrationCheck } from '../../../../src/shared/checks/model/calibration-check';
import { resolveOutcome } from '../../../../src/shared/checks/model/outcome';
import { performanceCheck } from '../../../../src/shared/checks/model/performance';
import { DEFAULT_CHECK_OPTIONS } from '../../../../src/shared/checks/options';
import { classKey, matchClassScores } from '../../../../src/shared/roles/class-scores';
import { guessRoles, type ColumnProfileLite } from '../../../../src/shared/roles/guess-roles';
import { codes, num, roles, table } from '../checks/quality/helpers';

const cat = (name: string, values: string[]): ColumnProfileLite => ({ name, kind: 'category', present: 6, distinct: values.length, values, min: null, max: null });
const unit = (name: string): ColumnProfileLite => ({ name, kind: 'decimal', present: 6, distinct: null, values: [], min: 0, max: 1 });

describe('classKey and matchClassScores', () => {
  test('case, spaces, underscores, hyphens and accents do not matter', () => {
    assert.equal(classKey('Red_Fox'), 'redfox');
    assert.equal(classKey('red fox'), 'redfox');
    assert.equal(classKey('Wild-Boar '), 'wildboar');
    assert.equal(classKey('Élan'), 'elan');
  });
  test('exact keys first; a key shared by two classes is matched only exactly', () => {
    const byClass = new Map([
      ['red fox', 'score_Red_Fox'],
      ['deer', 'score_deer'],
      ['Fox', 'score_Fox'],
    ]);
    const m = matchClassScores(['Red_Fox', 'Deer', 'Wild boar', 'Fox', 'fox'], byClass);
    assert.deepEqual(m.columns, ['score_Red_Fox', 'score_deer', null, 'score_Fox', null]);
    assert.deepEqual(m.missing, ['Wild boar', 'fox']);
  });
});

describe('guessRoles keys the class scores by the outcome’s own labels', () => {
  test('Red_Fox, Deer and Wild boar scored by score_red_fox, score_Deer and score_Wild_Boar', () => {
    const g = guessRoles([cat('true_label', ['Red_Fox', 'Deer', 'Wild boar']), cat('predicted_label', ['Red_Fox', 'Deer', 'Wild boar']), unit('score_red_fox'), unit('score_Deer'), unit('score_Wild_Boar')]);
    assert.equal(g.task, 'multiclass');
    assert.deepEqual(g.classScores, { Red_Fox: 'score_red_fox', Deer: 'score_Deer', 'Wild boar': 'score_Wild_Boar' });
    assert.equal(g.columns.find((c) => c.column === 'score_Wild_Boar')!.scoreClass, 'Wild boar');
  });
  test('a class without a score column is named in the reason', () => {
    const g = guessRoles([cat('label', ['Red_Fox', 'Deer', 'Wild boar']), unit('score_red_fox'), unit('score_deer')]);
    assert.deepEqual(g.classScores, { Red_Fox: 'score_red_fox', Deer: 'score_deer' });
    assert.match(g.reasons.score, /No score column was found for "Wild boar"/);
  });
});

// Three classes, hand-worked: each row's score for its true class is 0.5, 0.8, 0.6, 0.4, 0.7, 0.9.
const LABELS = ['Red_Fox', 'Deer', 'Wild boar', 'Red_Fox', 'Deer', 'Wild boar'];
const t = table(
  codes('label', LABELS),
  codes('predicted', ['Red_Fox', 'Deer', 'Wild boar', 'Deer', 'Deer', 'Wild boar']),
  num('score_red_fox', [0.5, 0.1, 0.2, 0.4, 0.2, 0.05]),
  num('score_deer', [0.3, 0.8, 0.2, 0.5, 0.7, 0.05]),
  num('score_wild_boar', [0.2, 0.1, 0.6, 0.1, 0.1, 0.9]),
);
const r = (classScores: Record<string, string>) => roles({ target: 'label', prediction: 'predicted', task: 'multiclass', classScores });
const input = (classScores: Record<string, string>) => ({ table: t, columns: [], roles: r(classScores), options: DEFAULT_CHECK_OPTIONS, now: 0 });
const value = (m: unknown): number | null => (m as { value: number | null }).value;

describe('resolveOutcome and the checks read the scores whatever the keys’ spelling', () => {
  test('keys as guessRoles used to write them (normalised column names) still match the labels', () => {
    const o = resolveOutcome(t, r({ 'red fox': 'score_red_fox', deer: 'score_deer', 'wild boar': 'score_wild_boar' }));
    assert.equal(o.task, 'multiclass');
    if (o.task !== 'multiclass') return;
    assert.ok(o.scores);
    assert.equal(o.scoresReason, null);
    // Log loss = −mean ln(score of the true class).
    const ev = performanceCheck.run(input({ 'red fox': 'score_red_fox', deer: 'score_deer', 'wild boar': 'score_wild_boar' })).evidence as Record<string, unknown>;
    const expected = -[0.5, 0.8, 0.6, 0.4, 0.7, 0.9].reduce((a, p) => a + Math.log(p), 0) / 6;
    assert.ok(Math.abs(value(ev.log_loss)! - expected) < 1e-12);
  });
  test('a class without a score column: no log loss or AUC, and the report says why', () => {
    const partial = { Red_Fox: 'score_red_fox', Deer: 'score_deer' };
    const o = resolveOutcome(t, r(partial));
    assert.ok(o.task === 'multiclass' && o.scores === null);
    const reason = o.task === 'multiclass' ? o.scoresReason : null;
    assert.match(reason ?? '', /No score column for the class "Wild boar"/);
    const ev = performanceCheck.run(input(partial)).evidence as Record<string, { value: number | null; reason?: string }>;
    assert.equal(ev.log_loss!.value, null);
    assert.equal(ev.log_loss!.reason, reason);
    assert.equal(ev.roc_auc_ovr_macro!.value, null);
    const cal = calibrationCheck.run(input(partial));
    assert.deepEqual(cal.evidence, { available: false, reason });
    assert.deepEqual(cal.findings, []);
  });
  test('a score column that does not hold numbers is said too', () => {
    const t2 = table(...t.columns.slice(0, 4), codes('score_wild_boar', ['x', 'y', 'x', 'y', 'x', 'y']));
    const o = resolveOutcome(t2, r({ Red_Fox: 'score_red_fox', Deer: 'score_deer', 'Wild boar': 'score_wild_boar' }));
    assert.ok(o.task === 'multiclass');
    if (o.task === 'multiclass') assert.match(o.scoresReason ?? '', /"score_wild_boar" does not hold numbers/);
  });
});
