/** Drift findings follow src/shared/findings/types.ts, and every one has plain words with its numbers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareDatasets } from '../../../../src/shared/drift/compare-datasets';
import { DRIFT_CHECKS, driftFindings } from '../../../../src/shared/drift/findings';
import { DRIFT_EXPLANATIONS } from '../../../../src/shared/drift/texts-en';
import { findingTexts } from '../../../../src/shared/text/en';
import type { Finding } from '../../../../src/shared/findings/types';
import { codesColumn, draw, normals, numberColumn, roles, table } from './helpers';

const n = 4000;
function batch(seed: number, incomeShift: number, labelled: boolean) {
  const score = Array.from(normals(n, incomeShift, 1, seed + 1), (z) => 1 / (1 + Math.exp(-z)));
  const u = normals(n, 0, 1, seed + 2).map((z) => 0.5 * (1 + Math.tanh(z)));
  return table(
    numberColumn('income', normals(n, 42_000 + incomeShift * 9_000, 10_000, seed)),
    codesColumn('region', draw(n, ['North', 'South'], incomeShift ? [0.7, 0.3] : [0.5, 0.5], seed + 3)),
    numberColumn('age', normals(n, 40, 12, seed + 4)),
    numberColumn('score', score),
    codesColumn('label', score.map((s, i) => (labelled ? (u[i]! < s ? 'yes' : 'no') : null))),
  );
}
const r = roles({ target: 'label', score: 'score', positiveClass: 'yes', task: 'binary' });
const reference = batch(1, 0, true);

function textsOf(f: Finding): { headline: string; why: string; action: string } {
  // Through the registry the app, the exports and the CLI read, so a missing registration fails here.
  const t = findingTexts[f.check];
  assert.ok(t, `no texts for ${f.check}`);
  return { headline: t.headline(f), why: t.why(f), action: t.action(f) };
}

describe('driftFindings', () => {
  const d = compareDatasets(reference, batch(2, 1, true), r);
  const findings = driftFindings(d, r);

  test('shape: category drift, a known check, plain JSON data, words for each', () => {
    for (const f of findings) {
      assert.equal(f.category, 'drift');
      assert.ok((DRIFT_CHECKS as readonly string[]).includes(f.check), f.check);
      assert.ok(f.id.startsWith(`${f.check}:`));
      assert.deepEqual(JSON.parse(JSON.stringify(f)), structuredClone(f));
      for (const v of Object.values(f.numbers)) assert.ok(typeof v !== 'number' || Number.isFinite(v), `${f.id}: ${v}`);
      const words = textsOf(f);
      assert.ok(words.headline.length > 10 && !words.headline.includes('undefined') && !words.headline.includes('NaN'), words.headline);
    }
    assert.deepEqual([...new Set(findings.map((f) => f.check))], ['drift.dataset', 'drift.column', 'drift.prediction', 'drift.label', 'drift.performance']);
  });

  test('a moved number reads "income moved: the typical value rose from … to … (PSI …, a major change)"', () => {
    const f = findings.find((x) => x.id === 'drift.column:income')!;
    assert.equal(f.status, 'issue');
    assert.equal(f.severity, 'medium');
    assert.match(textsOf(f).headline, /^income moved: the typical value rose from 4\d,\d{3}(\.\d)? to 5\d,\d{3}(\.\d)? \(PSI 0\.\d+, a major change\)\.$/);
    assert.equal(f.chart?.kind, 'intervals');
    assert.equal(f.chart?.kind === 'intervals' && f.chart.labels.length, 10);
  });

  test('an unchanged column passes; a category shift names the category', () => {
    const age = findings.find((x) => x.id === 'drift.column:age')!;
    assert.equal(age.status, 'passed');
    assert.match(textsOf(age).headline, /^age looks the same in both batches/);
    const region = findings.find((x) => x.id === 'drift.column:region')!;
    assert.match(textsOf(region).headline, /“(North|South)” went from [45]\d% to [2-7]\d% of rows \(PSI 0\.\d+, a (moderate|major) change\)/);
  });

  test('the dataset finding ranks columns by effect, with the moderate threshold as reference line', () => {
    const f = findings[0]!;
    assert.equal(f.check, 'drift.dataset');
    assert.equal(f.chart?.kind, 'intervals');
    if (f.chart?.kind !== 'intervals') return;
    const values = f.chart.values as number[];
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    assert.equal(f.chart.reference?.value, 0.1);
    assert.match(textsOf(f).headline, /of 3 columns changed enough to matter/);
  });

  test('performance: "Accuracy fell from x% to y% (−z points; 95% interval …)"', () => {
    const f = findings.find((x) => x.id === 'drift.performance:accuracy')!;
    assert.match(textsOf(f).headline, /^Accuracy (fell|rose|stayed) from \d+\.\d% to \d+\.\d% \([−+]\d+\.\d points; 95% interval [−+]\d+\.\d to [−+]\d+\.\d points\)\.$/);
  });

  test('no labels yet: an estimated-performance finding instead of performance and label drift', () => {
    const e = driftFindings(compareDatasets(reference, batch(3, 0, false), r), r);
    assert.equal(e.some((f) => f.check === 'drift.performance' || f.check === 'drift.label'), false);
    const f = e.find((x) => x.check === 'drift.estimated-performance')!;
    assert.equal(f.confidence.interval?.method, 'normal');
    assert.match(textsOf(f).headline, /^Without labels yet, accuracy is estimated at \d+\.\d% \(95% interval \d+\.\d% to \d+\.\d%\), against \d+\.\d% measured on the reference\.$/);
  });

  test('every verdict key has its sentence', () => {
    assert.deepEqual(Object.keys(DRIFT_EXPLANATIONS).sort(), ['detectable-and-large', 'detectable-not-large', 'large-not-detectable', 'neither', 'not-enough-data']);
  });
});
