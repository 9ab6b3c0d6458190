import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../../src/shared/findings/types';
import { evaluateGates, gatesSchema, type GateReport } from '../../../../src/shared/gates/gates';

const finding = (severity: Finding['severity'], status: Finding['status'] = 'issue'): Finding => ({
  id: `x:${severity}:${status}`,
  check: 'x',
  category: 'quality',
  status,
  severity,
  severityRule: '',
  columns: [],
  numbers: {},
  confidence: { sampleSize: 1, kind: 'exact' },
});
const metric = (value: number | null, reason?: string) => ({ value, interval: null, ...(reason ? { reason } : {}) });

test('failOn counts issues at or above the severity; passed findings never count', () => {
  const report: GateReport = { findings: [finding('high'), finding('medium'), finding('critical', 'passed'), finding('low')] };
  const [high] = evaluateGates(report, { failOn: 'high' });
  assert.equal(high!.passed, false);
  assert.equal(high!.actual, 1);
  assert.match(high!.message, /1 high finding/);
  const [critical] = evaluateGates(report, { failOn: 'critical' });
  assert.equal(critical!.passed, true);
  const [medium] = evaluateGates(report, { failOn: 'medium' });
  assert.equal(medium!.actual, 2);
  assert.match(medium!.message, /1 high, 1 medium findings/);
});

test('metric limits: at the limit passes, beyond it fails; both directions', () => {
  const report = { performance: { accuracy: metric(0.8), roc_auc: metric(0.75) }, calibration: { ece: metric(0.05) } } as unknown as GateReport;
  const r = evaluateGates(report, { minAccuracy: 0.8, minRocAuc: 0.76, maxEce: 0.05 });
  assert.deepEqual(
    r.map((g) => [g.gate, g.passed, g.actual]),
    [
      ['minAccuracy', true, 0.8],
      ['minRocAuc', false, 0.75],
      ['maxEce', true, 0.05],
    ],
  );
});

test('an undefined number fails its gate and says why (never judged as 0)', () => {
  const report = { performance: { accuracy: metric(null, 'Only one kind of outcome is present.') } } as unknown as GateReport;
  const [acc, auc] = evaluateGates(report, { minAccuracy: 0.5, minRocAuc: 0.5 });
  assert.equal(acc!.passed, false);
  assert.equal(acc!.actual, null);
  assert.match(acc!.message, /could not be computed \(Only one kind of outcome is present\.\)/);
  assert.match(auc!.message, /there is no score column/);
  const [none] = evaluateGates({}, { minAccuracy: 0.5 });
  assert.match(none!.message, /the model was not checked/);
});

test('fairness gates take the worst column or intersection and name it', () => {
  const report: GateReport = {
    fairness: {
      sex: { demographic_parity_difference: 0.1, demographic_parity_ratio: 0.85, equalized_odds_difference: 0.05 },
      'sex+age_group': { demographic_parity_difference: 0.3, demographic_parity_ratio: 0.6, equalized_odds_difference: null },
      region: { demographic_parity_difference: metric(0.2), demographic_parity_ratio: metric(0.7), equalized_odds_difference: metric(0.12) },
    },
  };
  const [dpd, dpr, eod] = evaluateGates(report, { maxDemographicParityDifference: 0.25, minDemographicParityRatio: 0.8, maxEqualizedOddsDifference: 0.1 });
  assert.equal(dpd!.actual, 0.3);
  assert.match(dpd!.message, /sex\+age_group/);
  assert.equal(dpd!.passed, false);
  assert.equal(dpr!.actual, 0.6);
  assert.equal(eod!.actual, 0.12);
  assert.match(eod!.message, /region/);
});

test('drift gates read the largest PSI and the share drifted', () => {
  const report: GateReport = {
    drift: { columns: [{ name: 'a', psi: 0.05 }, { name: 'b', psi: 0.3 }, { name: 'c', psi: null }, { name: 'noise', psi: 0.9, detectable: false }], share_drifted: 0.34 },
  };
  const [psi, share] = evaluateGates(report, { maxPsi: 0.25, maxShareDrifted: 0.5 });
  assert.equal(psi!.actual, 0.3);
  assert.match(psi!.message, /\(b\)/);
  assert.equal(psi!.passed, false);
  assert.equal(share!.passed, true);
  // Only undetectable changes: nothing counts, the gate holds at 0.
  const [quiet] = evaluateGates({ drift: { columns: [{ name: 'noise', psi: 0.9, detectable: false }], share_drifted: 0 } }, { maxPsi: 0.25 });
  assert.equal(quiet!.actual, 0);
  assert.equal(quiet!.passed, true);
});

test('the schema refuses unknown gates and out-of-range limits', () => {
  assert.equal(gatesSchema.safeParse({ minAcuracy: 0.5 }).success, false);
  assert.equal(gatesSchema.safeParse({ minAccuracy: 1.5 }).success, false);
  assert.equal(gatesSchema.safeParse({ failOn: 'info' }).success, false);
  assert.equal(gatesSchema.safeParse({ failOn: 'high', maxPsi: 0.25 }).success, true);
});
