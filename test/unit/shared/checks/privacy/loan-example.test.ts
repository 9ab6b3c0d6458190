import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDelimitedFile } from '../../../../../src/main/ingest/csv/read-delimited';
import { privacyChecks } from '../../../../../src/shared/checks/privacy';
import { severityRank } from '../../../../../src/shared/findings/types';
import { DEFAULT_MISSING_TOKENS } from '../../../../../src/shared/missing';
import { input } from './helpers';

const ROOT = join(import.meta.dirname, '../../../../..');
const noop = { progress: () => {}, throwIfCancelled: () => {} };

describe('the shipped loan example', () => {
  const read = readDelimitedFile(join(ROOT, 'resources/examples/loan-applications.csv'), { missingTokens: DEFAULT_MISSING_TOKENS }, noop);
  const findings = privacyChecks.flatMap((c) => c.run(input(read.table)).findings);
  const columnFindings = findings.filter((f) => f.check !== 'privacy.personal-data');

  test('finds the planted names, e-mail addresses and phone numbers', () => {
    assert.deepEqual(columnFindings.map((f) => f.id).sort(), ['privacy.email:email', 'privacy.person-name:applicant_name', 'privacy.phone:phone']);
    for (const f of columnFindings) {
      assert.equal(f.severity, 'high', f.id);
      assert.equal(f.numbers.share, 1, f.id);
      assert.equal(f.numbers.matched, read.table.rowCount, f.id);
    }
  });

  test('nothing else at high severity: ids, regions, purposes, dates and amounts are not personal data', () => {
    const high = findings.filter((f) => f.status === 'issue' && severityRank(f.severity) <= severityRank('high'));
    const flagged = new Set(high.flatMap((f) => f.columns));
    assert.deepEqual([...flagged].sort(), ['applicant_name', 'email', 'phone']);
    for (const c of ['application_id', 'region', 'purpose', 'employment', 'annual_income', 'loan_amount', 'application_date', 'age']) {
      assert.equal(findings.some((f) => f.columns.includes(c)), false, c);
    }
  });

  test('the summary names the three columns, and no example shows a real value', () => {
    const s = findings.find((f) => f.check === 'privacy.personal-data')!;
    assert.equal(s.status, 'issue');
    assert.equal(s.severity, 'high');
    assert.equal(s.numbers.columnsHolding, 3);
    const raw = new Set<string>();
    for (const c of read.table.columns) if (c.storage === 'codes') for (const v of c.dictionary) raw.add(v);
    for (const f of columnFindings) {
      assert.equal(f.examples?.length, 3);
      for (const e of f.examples ?? []) assert.equal(raw.has(e), false, e);
    }
  });
});
