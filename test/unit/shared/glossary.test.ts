/**
 * The glossary (src/shared/text/en/glossary): an entry for every check and every measure the app
 * shows, words without unfilled placeholders, related links that lead somewhere, and worked
 * examples that carry the report's real numbers — or nothing at all when the report lacks them.
 * Real reports: the shipped example's check-up (run in-process), and the CLI's comparison of the
 * example with its later batch, and of the two models in that batch.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { main } from '../../../src/cli/slicewise';
import { CHECKUP_STAGES } from '../../../src/shared/checks/registry';
import { metricWordsEn } from '../../../src/shared/export/report-words-en';
import { TIMELINE_METRICS } from '../../../src/shared/history/timeline';
import type { ModelComparisonDocument } from '../../../src/shared/models/document';
import { buildCheckReport, type CheckReport } from '../../../src/shared/report/check-report';
import type { DriftReport } from '../../../src/shared/report/drift-report';
import { findingTexts } from '../../../src/shared/text/en';
import {
  GLOSSARY,
  GLOSSARY_METRIC_KEYS,
  glossaryEntry,
  glossaryIdForCheck,
  glossaryIdForMetric,
  searchGlossary,
  workedExample,
  type GlossaryEntry,
  type GlossaryReport,
} from '../../../src/shared/text/en/glossary';
import { tempDir } from '../helpers/temp';
import { loanRun, REPO, runFile } from './export/fixtures';

const EXAMPLES = join(REPO, 'resources/examples');

async function cliJson<T>(args: string[]): Promise<T> {
  let out = '';
  const io = {
    out: new Writable({ write: (c, _e, cb) => ((out += c.toString()), cb()) }),
    err: new Writable({ write: (_c, _e, cb) => cb() }),
  };
  await main([...args, '--json', '-', '--quiet'], io);
  return JSON.parse(out) as T;
}

function entry(id: string): GlossaryEntry {
  const e = glossaryEntry(id);
  assert.ok(e, `no glossary entry ${id}`);
  return e;
}

const example = (id: string, report: GlossaryReport): string => {
  const text = workedExample(entry(id), report);
  assert.ok(text, `${id} has no example on this report`);
  return text;
};

/** What an unfilled template or a broken number looks like in text. */
const PLACEHOLDER = /undefined|NaN|\bnull\b|\{|\$\{|\[object|Infinity/;

let loan: CheckReport;
let drift: DriftReport;
let models: ModelComparisonDocument;

before(async () => {
  loan = loanRun().report;
  drift = await cliJson<DriftReport>(['compare', join(EXAMPLES, 'loan-applications.csv'), join(EXAMPLES, 'loan-applications-2026.csv')]);
  models = await cliJson<ModelComparisonDocument>([
    'compare-models',
    join(EXAMPLES, 'loan-applications-2026.csv'),
    '--a',
    'vendor_decision',
    '--b',
    'vendor_decision_v2',
    '--score-a',
    'vendor_score',
    '--score-b',
    'vendor_score_v2',
  ]);
});

describe('coverage', () => {
  test('every check registered in the check-up has an entry', () => {
    const ids = CHECKUP_STAGES.flatMap((s) => s.checks.map((c) => c.id));
    assert.ok(ids.length > 30);
    for (const id of ids) assert.equal(glossaryIdForCheck(id), id, `check ${id}`);
  });

  test('every check that writes findings (drift, history and model comparison included) has an entry', () => {
    for (const id of Object.keys(findingTexts)) assert.ok(glossaryIdForCheck(id), `check ${id}`);
    for (const id of ['drift.column', 'drift.dataset', 'drift.performance', 'history.rule', 'history.retrain', 'models.comparison']) assert.ok(glossaryEntry(id), id);
    assert.equal(glossaryIdForCheck('no.such-check'), null);
  });

  test('every measure of the report’s metric table, the fairness tables, the gaps, the history and drift maps to an entry', () => {
    const keys = [
      ...Object.keys(metricWordsEn),
      ...['selection_rate', 'tpr', 'fpr', 'precision', 'accuracy', 'base_rate', 'mae'],
      ...['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equal_opportunity_difference', 'predictive_parity_difference', 'mae_difference', 'mae_ratio'],
      ...TIMELINE_METRICS,
      ...['psi', 'p_value', 'q_value', 'ks', 'chi2', 'lift', 'support', 'fdr', 'mcnemar', 'delong', 'wilson', 'interval', 'threshold', 'roc_curve', 'pr_curve', 'confusion'],
    ];
    for (const key of keys) {
      const id = glossaryIdForMetric(key);
      assert.ok(id && glossaryEntry(id), `metric ${key}`);
    }
    for (const key of GLOSSARY_METRIC_KEYS) assert.ok(glossaryEntry(glossaryIdForMetric(key)!), `mapping of ${key} leads nowhere`);
  });

  test('the statistical ideas behind “how sure we are” and the fairness rules each have an entry', () => {
    for (const id of [
      'confidence-interval', 'wilson-interval', 'p-value', 'q-value', 'fisher-exact-test', 'psi', 'ks-test', 'chi-square-test', 'mcnemar-test', 'delong-test',
      'ece', 'brier-score', 'log-loss', 'roc-auc', 'roc-curve', 'pr-curve', 'threshold', 'mae', 'rmse', 'r2', 'selection-rate', 'recall', 'false-positive-rate', 'lift', 'support',
      'demographic-parity-difference', 'demographic-parity-ratio', 'equalized-odds-difference', 'equal-opportunity-difference', 'predictive-parity-difference', 'four-fifths-rule',
    ]) assert.ok(glossaryEntry(id), id);
  });

  test('names are forgiving: case, spaces and dashes', () => {
    assert.equal(glossaryIdForMetric('ROC AUC'), 'roc-auc');
    assert.equal(glossaryIdForMetric('roc-auc'), 'roc-auc');
    assert.equal(glossaryIdForMetric('TPR'), 'recall');
    assert.equal(glossaryIdForMetric('four-fifths-rule'), 'four-fifths-rule');
    assert.equal(glossaryIdForMetric('no such measure'), null);
  });
});

describe('words', () => {
  test('every entry has its words, unique ids, and related entries that exist', () => {
    assert.equal(new Set(GLOSSARY.map((e) => e.id)).size, GLOSSARY.length);
    for (const e of GLOSSARY) {
      for (const field of [e.term, e.technical, e.what, e.misleads]) assert.ok(field.trim().length > 2, `${e.id}: empty field`);
      assert.ok(e.related.length > 0, `${e.id}: no related entries`);
      for (const r of e.related) {
        assert.notEqual(r, e.id, `${e.id} relates to itself`);
        assert.ok(glossaryEntry(r), `${e.id}: related ${r} does not exist`);
      }
    }
  });

  test('no text holds an unfilled placeholder', () => {
    for (const e of GLOSSARY) {
      for (const [name, text] of Object.entries({ term: e.term, technical: e.technical, what: e.what, misleads: e.misleads, definition: e.definition ?? '' })) {
        assert.doesNotMatch(text, PLACEHOLDER, `${e.id}.${name}: ${text}`);
      }
    }
  });

  test('no worked example on a real report holds an unfilled placeholder or an empty sentence', () => {
    let worked = 0;
    for (const report of [loan, drift, models]) {
      for (const e of GLOSSARY) {
        const text = workedExample(e, report);
        if (text === null) continue;
        worked++;
        assert.doesNotMatch(text, PLACEHOLDER, `${e.id}: ${text}`);
        assert.match(text, /\d/, `${e.id}: an example without a number: ${text}`);
        assert.doesNotMatch(text, /“”|""/, `${e.id}: an empty name: ${text}`);
      }
    }
    assert.ok(worked > 90, `only ${worked} examples`);
  });

  test('search finds entries by plain name, jargon and id', () => {
    assert.equal(searchGlossary('four fifths')[0]?.id, 'four-fifths-rule');
    assert.equal(searchGlossary('PSI')[0]?.id, 'psi');
    assert.ok(searchGlossary('false discovery').some((e) => e.id === 'q-value'));
    assert.ok(searchGlossary('mcnemar').some((e) => e.id === 'mcnemar-test'));
    assert.equal(searchGlossary('  ').length, GLOSSARY.length);
    assert.deepEqual(searchGlossary('zzzz-not-a-word'), []);
  });
});

describe('worked examples on the shipped example', () => {
  test('accuracy: right on 1,461 of 2,024 rows (hand-checked: TP 1,257 + TN 204)', () => {
    const c = loan.performance!.confusion as { tp: number; tn: number; fp: number; fn: number };
    // The JSON, read by hand: tn 204, fp 238, fn 325, tp 1,257 → 1,461 right of 2,024 = 72.2%.
    assert.deepEqual(c, { tn: 204, fp: 238, fn: 325, tp: 1257 });
    const text = example('accuracy', loan);
    for (const part of ['1,461', '2,024', '1,257', '204', '72%']) assert.ok(text.includes(part), `${part} in: ${text}`);
    assert.ok(text.includes(`${Math.round(((c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn)) * 100)}%`));
  });

  test('demographic parity: the widest gap, by age, 88.7% of 60+ vs 47.4% of under 25 (hand-checked: 118/133 and 91/192)', () => {
    const age = (loan.fairness as Record<string, { demographic_parity_difference: { value: number; high_group: string; low_group: string } }>).age!;
    assert.equal(age.demographic_parity_difference.high_group, '60+');
    assert.equal(age.demographic_parity_difference.low_group, 'under 25');
    assert.ok(Math.abs(age.demographic_parity_difference.value - (118 / 133 - 91 / 192)) < 1e-12);
    const text = example('demographic-parity-difference', loan);
    for (const part of ['age', '“approved”', '88.7%', '“60+”', '118 of 133', '47.4%', '“under 25”', '91 of 192', '41.3 points']) assert.ok(text.includes(part), `${part} in: ${text}`);
    const ratio = example('demographic-parity-ratio', loan);
    assert.ok(ratio.includes('0.534') && ratio.includes('four-fifths'), ratio);
  });

  test('the other measures carry the confusion counts and the report’s figures', () => {
    assert.ok(example('precision', loan).includes('1,257 ÷ 1,495 = 84%'));
    assert.ok(example('recall', loan).includes('1,257 ÷ 1,582 = 79%'));
    assert.ok(example('false-positive-rate', loan).includes('238 ÷ 442 = 54%'));
    assert.ok(example('f1', loan).includes('2,514 ÷ 3,077 = 0.817'));
    assert.ok(example('roc-auc', loan).includes('0.687'));
    assert.ok(example('confidence-interval', loan).includes('70.2% to 74.1%'));
    assert.ok(example('quality.duplicate-rows', loan).includes('24 ÷ 2,024 = 1.2%'));
    assert.ok(example('quality.missing-values', loan).includes('141 of 2,024'));
    assert.ok(example('ece', loan).includes('14%'));
  });

  test('drift and model comparison: PSI, tests and McNemar worked on their own numbers', () => {
    const region = drift.drift.columns.find((c) => c.name === 'region')!;
    const psi = example('psi', drift);
    assert.ok(psi.includes('“region”') && psi.includes(String(Math.floor(region.psi! * 1000) / 1000)) && psi.includes('“Online”'), psi);
    assert.ok(example('chi-square-test', drift).includes('9 degrees of freedom'));
    assert.ok(example('ks-test', drift).includes('“annual_income”'));
    // (|162 − 210| − 1)² ÷ (162 + 210) = 47² ÷ 372 = 5.94
    assert.equal(models.mcnemar.b, 162);
    assert.equal(models.mcnemar.c, 210);
    const m = example('mcnemar-test', models);
    for (const part of ['162', '210', '5.94', 'p = 0.015']) assert.ok(m.includes(part), `${part} in: ${m}`);
  });
});

describe('worked examples on small hand-made tables', () => {
  test('amounts: every guess is off by exactly 2, so the average, typical and middle miss are all 2', () => {
    const path = join(tempDir('slicewise-glossary-'), 'amounts.csv');
    const lines = ['id,price,guess'];
    for (let i = 0; i < 60; i++) lines.push(`${i},${100 + i},${100 + i + (i % 2 ? 2 : -2)}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { report } = runFile(path, (roles) => ({ ...roles, target: 'price', prediction: 'guess', score: null, task: 'regression', positiveClass: null, sensitive: {} }));
    assert.equal(report.performance?.task, 'regression');
    assert.match(example('mae', report), /over your 60 rows, the model’s guess was off by 2 on average; half of the misses were under 2\./i);
    assert.match(example('rmse', report), /RMSE is 2 against an average miss of 2/);
    for (const id of ['accuracy', 'precision', 'roc-auc', 'demographic-parity-difference']) assert.equal(workedExample(entry(id), report), null, id);
    for (const e of GLOSSARY) assert.doesNotMatch(workedExample(e, report) ?? '', PLACEHOLDER, e.id);
  });

  test('classes: 48 of 60 right (every fifth answer wrong) is worked from the confusion matrix', () => {
    const path = join(tempDir('slicewise-glossary-'), 'classes.csv');
    const classes = ['cat', 'dog', 'bird'];
    const lines = ['id,animal,answer'];
    for (let i = 0; i < 60; i++) lines.push(`${i},${classes[i % 3]},${classes[(i % 3) + (i % 5 === 0 ? 1 : 0)] ?? 'cat'}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { report } = runFile(path, (roles) => ({ ...roles, target: 'animal', prediction: 'answer', score: null, task: 'multiclass', positiveClass: null, sensitive: {} }));
    assert.equal(report.performance?.task, 'multiclass');
    assert.ok(example('accuracy', report).includes('48 of 60 rows'), example('accuracy', report));
    assert.ok(example('accuracy', report).includes('48 ÷ 60 = 80%'));
    assert.ok(example('support', report).includes('“cat” 20'));
    for (const e of GLOSSARY) assert.doesNotMatch(workedExample(e, report) ?? '', PLACEHOLDER, e.id);
  });
});

describe('no made-up numbers', () => {
  test('a report without a check-up (dataset only) gives no example at all', () => {
    const bare = buildCheckReport(
      {
        id: 1,
        name: 'bare',
        rows: 10,
        columns: [],
        source: { fileName: 'bare.csv', sizeBytes: 1, modifiedAt: '2026-01-01T00:00:00.000Z', sha256: 'x' },
        importOptions: { format: 'csv', missingTokens: [] },
        notes: [],
        importedAt: '2026-01-01T00:00:00.000Z',
        importMs: 1,
      } as unknown as Parameters<typeof buildCheckReport>[0],
      'test',
    );
    for (const e of GLOSSARY) assert.equal(workedExample(e, bare), null, `${e.id} made something up`);
    for (const e of GLOSSARY) assert.equal(workedExample(e, null), null);
  });

  test('sections the report lacks give null, not a 0', () => {
    const noModel: CheckReport = { ...loan, performance: null, calibration: null, fairness: null, slices: null, slices_summary: null, fairness_summary: null };
    for (const id of ['accuracy', 'precision', 'roc-auc', 'ece', 'brier-score', 'demographic-parity-difference', 'four-fifths-rule', 'lift', 'q-value', 'confidence-interval', 'psi', 'mcnemar-test']) {
      assert.equal(workedExample(entry(id), noModel), null, id);
    }
    // The check-up has no drift or second model; the comparisons have no check-up sections.
    for (const id of ['psi', 'ks-test', 'chi-square-test', 'mcnemar-test', 'drift.column', 'models.comparison']) assert.equal(workedExample(entry(id), loan), null, id);
    for (const id of ['precision', 'ece', 'demographic-parity-difference', 'quality.missing-values', 'lift']) assert.equal(workedExample(entry(id), drift), null, id);
    for (const id of ['precision', 'psi', 'quality.duplicate-rows']) assert.equal(workedExample(entry(id), models), null, id);
  });

  test('a malformed section (older or hand-edited JSON) gives null, never NaN', () => {
    const broken = { ...loan, performance: { ...loan.performance, confusion: { tn: 'x', fp: 1, fn: 2, tp: 3 }, accuracy: { value: null, interval: null }, roc_auc: 'high' } } as CheckReport;
    for (const id of ['accuracy', 'precision', 'recall', 'f1', 'mcc', 'roc-auc', 'balanced-accuracy', 'confusion-matrix']) {
      assert.equal(workedExample(entry(id), broken), null, id);
    }
    const zero = { ...loan, performance: { ...loan.performance, confusion: { tn: 0, fp: 0, fn: 5, tp: 0 } } } as CheckReport;
    // No row was predicted positive: precision is undefined, and says nothing.
    assert.equal(workedExample(entry('precision'), zero), null);
  });
});
