import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../../../src/shared/findings/types';
import { maskPersonalExamples } from '../../../../../src/shared/checks/privacy/mask-findings';

const finding = (f: Partial<Finding>): Finding => ({
  id: 'x', check: 'quality.high-cardinality', category: 'quality', status: 'issue', severity: 'info', severityRule: '', columns: [], numbers: {},
  confidence: { sampleSize: 1, kind: 'exact' }, ...f,
});

test('examples of a column the privacy checks flagged are masked in every other finding; others untouched', () => {
  const findings = [
    finding({ id: 'privacy.email:mail', check: 'privacy.email', category: 'privacy', columns: ['mail'], examples: ['a***@e***.com'] }),
    finding({ id: 'q:mail', columns: ['mail'], examples: ['"alice.smith@example.com"', 'line 7: "bob@example.org"'], numbers: { firstValue: 'carol@example.net', count: 3 } }),
    finding({ id: 'q:city', columns: ['city'], examples: ['"Lyon"'] }),
  ];
  const out = maskPersonalExamples(findings);
  const mail = out.find((f) => f.id === 'q:mail')!;
  for (const text of [...mail.examples!, String(mail.numbers.firstValue)]) {
    assert.doesNotMatch(text, /alice|smith|bob|carol|example\.(com|org|net)/, text);
    assert.match(text, /@/);
  }
  assert.equal(mail.numbers.count, 3);
  assert.deepEqual(out.find((f) => f.id === 'q:city')!.examples, ['"Lyon"']);
  assert.deepEqual(out[0], findings[0], 'privacy findings are already masked and left as they are');
});

test('a finding about the whole table (every column listed) quotes no values: its examples stay readable', () => {
  const findings = [
    finding({ id: 'privacy.email:mail', check: 'privacy.email', category: 'privacy', columns: ['mail'] }),
    finding({ id: 'quality.duplicate-rows:rows', check: 'quality.duplicate-rows', columns: ['id', 'mail', 'city'], examples: ['row 2001 repeats row 1'] }),
    finding({ id: 'quality.association:city|mail', check: 'quality.association', columns: ['city', 'mail'], examples: ['"bob@example.org"'] }),
  ];
  const out = maskPersonalExamples(findings);
  assert.deepEqual(out[1]!.examples, ['row 2001 repeats row 1']);
  assert.doesNotMatch(out[2]!.examples![0]!, /bob|example\.org/, 'a pair naming the column is still masked');
});

test('no personal data found: findings come back unchanged', () => {
  const findings = [finding({ id: 'q', columns: ['a'], examples: ['"x"'] })];
  assert.deepEqual(maskPersonalExamples(findings), findings);
});
