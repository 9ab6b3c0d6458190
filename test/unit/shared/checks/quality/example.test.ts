/**
 * End to end over the quality checks: the shipped example finds every planted problem
 * (resources/examples/README.md); a generated clean dataset raises nothing high or critical; and
 * every finding has complete texts.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { qualityChecks } from '../../../../../src/shared/checks/quality/index';
import type { Finding } from '../../../../../src/shared/findings/types';
import { qualityTexts } from '../../../../../src/shared/text/en/quality';
import type { Table } from '../../../../../src/shared/table';
import type { ColumnSummary } from '../../../../../src/shared/domain';
import { codes, num, readCsv, run, table, type RunOptions } from './helpers';

const EXAMPLE = fileURLToPath(new URL('../../../../../resources/examples/loan-applications.csv', import.meta.url));

const LOAN_ROLES = {
  target: 'repaid',
  prediction: 'vendor_decision',
  score: 'vendor_score',
  positiveClass: '1',
  task: 'binary' as const,
  sensitive: { sex: 'sex', age: 'age' },
  ids: ['application_id'],
  timestamps: ['application_date'],
};

function runAll(t: Table, o: RunOptions): Finding[] {
  return qualityChecks.flatMap((check) => run(check, t, o).findings);
}

const issue = (findings: Finding[], id: string): Finding => {
  const f = findings.find((x) => x.id === id && x.status === 'issue');
  assert.ok(f, `expected finding ${id}; got ${findings.filter((x) => x.status === 'issue').map((x) => x.id).join(', ')}`);
  return f;
};

function assertTexts(findings: Finding[]): void {
  for (const f of findings) {
    const text = qualityTexts[f.check];
    assert.ok(text, `no texts for ${f.check}`);
    for (const p of [text.title, text.headline(f), text.why(f), text.action(f), text.learnMore]) {
      assert.ok(p.length > 0, `${f.id}: empty text`);
      assert.ok(!/undefined|NaN|\$\{/.test(p), `${f.id}: placeholder left in "${p}"`);
    }
    // A missing number shows up in a headline as "null" or as empty quotes.
    assert.ok(!/null|""|\(\)/.test(text.headline(f)), `${f.id}: empty value in "${text.headline(f)}"`);
    const words = text.headline(f).split(/\s+/).length;
    assert.ok(words < 25, `${f.id}: headline has ${words} words: ${text.headline(f)}`);
  }
}

describe('the shipped example (loan-applications.csv)', () => {
  const { table: t, columns } = readCsv(EXAMPLE);
  const findings = runAll(t, { columns, roles: LOAN_ROLES, now: Date.UTC(2026, 10, 27) });

  test('missing annual_income, written four ways (two of them not on the missing-value list)', () => {
    const missing = issue(findings, 'quality.missing-values:annual_income');
    assert.equal(missing.numbers.missing, 141); // 38 empty + 31 "NA" + 72 "n/a"/"unknown"
    assert.equal(missing.severity, 'medium');
    const tokens = issue(findings, 'quality.missing-tokens:annual_income');
    assert.equal(tokens.numbers.ways, 4);
    assert.equal(tokens.severity, 'medium');
    assert.match(String(tokens.numbers.variants), /"n\/a"/);
    assert.match(String(tokens.numbers.variants), /"unknown"/);
    assert.equal(issue(findings, 'quality.mixed-types:annual_income').numbers.unreadable, 72);
  });
  test('24 duplicate rows, and A100077 reused by a different application at row 501', () => {
    const dup = issue(findings, 'quality.duplicate-rows:rows');
    assert.equal(dup.numbers.duplicates, 24);
    const ids = issue(findings, 'quality.duplicate-ids:application_id');
    assert.equal(ids.numbers.differentRecords, 1);
    assert.equal(ids.numbers.exactDuplicates, 24);
    assert.ok(ids.rows!.examples.includes(501));
    assert.ok(ids.examples!.includes('A100077'));
  });
  test('constant currency', () => {
    const f = issue(findings, 'quality.constant-columns:currency');
    assert.equal(f.numbers.value, 'USD');
    assert.equal(f.numbers.constant, true);
  });
  test('region spellings: "north " ~ "North", "SOUTH " ~ "South", "East." ~ "East"; "N." stays apart', () => {
    const f = issue(findings, 'quality.inconsistent-spellings:region');
    const groups = f.examples!.join(' | ');
    assert.match(groups, /"North" \(\d+\), "north " \(\d+\)/);
    assert.match(groups, /"SOUTH "/);
    assert.match(groups, /"East\."/);
    assert.ok(!groups.includes('"N."'));
    assert.equal(issue(findings, 'quality.surrounding-spaces:region').numbers.values, 2);
  });
  test('impossible ages (negative, and 212) and future application dates', () => {
    const ages = issue(findings, 'quality.impossible-values:age:age');
    assert.ok(Number(ages.numbers.below) > 0);
    assert.equal(ages.numbers.highest, '212');
    const future = issue(findings, 'quality.impossible-values:application_date:future-date');
    // Years typed with two digits swapped (2052 for 2025): in the future for decades.
    assert.equal(future.numbers.lowest, '2052-01-05');
    assert.equal(future.numbers.highest, '2052-12-18');
    assert.equal(future.numbers.count, 5);
  });
  test('leakage via sent_to_collections, and not via the vendor score or decision', () => {
    const f = issue(findings, 'quality.target-leakage:sent_to_collections');
    assert.ok(Number(f.numbers.auc) >= 0.95);
    assert.ok(['high', 'critical'].includes(f.severity));
    assert.ok(!findings.some((x) => x.check === 'quality.target-leakage' && (x.columns[0] === 'vendor_score' || x.columns[0] === 'vendor_decision')));
  });
  test('one finding per problem, stable ids, passed checks recorded, texts complete', () => {
    const ids = findings.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const check of qualityChecks) assert.ok(findings.some((f) => f.check === check.id), `${check.id} said nothing`);
    for (const f of findings) if (f.rows) assert.ok(f.rows.examples.length <= 20 && f.rows.examples.every((r) => r >= 1 && r <= t.rowCount));
    assertTexts(findings);
  });
});

/** mulberry32, so the clean dataset is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a generated clean dataset', () => {
  test('independent columns, nothing missing, balanced target → nothing high or critical, texts complete', () => {
    const r = rng(7);
    const n = 3000;
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const t = table(
      num('customer_id', Array.from({ length: n }, (_, i) => 100000 + i), 'integer'),
      num('age', Array.from({ length: n }, () => 18 + Math.floor(r() * 60)), 'integer'),
      num('income', Array.from({ length: n }, () => Math.round(50000 + 12000 * normal()))),
      num('balance', Array.from({ length: n }, () => Math.round(100 * normal()) / 10)),
      codes('region', Array.from({ length: n }, () => pick(['North', 'South', 'East', 'West']))),
      codes('plan', Array.from({ length: n }, () => pick(['basic', 'plus', 'premium']))),
      codes('churned', Array.from({ length: n }, () => (r() < 0.5 ? 'yes' : 'no')), 'boolean'),
    );
    const columns: ColumnSummary[] = [];
    const findings = runAll(t, { columns, roles: { target: 'churned', task: 'binary', positiveClass: 'yes', ids: ['customer_id'] } });
    const serious = findings.filter((f) => f.severity === 'high' || f.severity === 'critical');
    assert.deepEqual(serious.map((f) => f.id), []);
    assert.ok(findings.find((f) => f.id === 'quality.duplicate-rows:passed'));
    assert.ok(findings.find((f) => f.id === 'quality.class-imbalance:passed'));
    assertTexts(findings);
  });
});
