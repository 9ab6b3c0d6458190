import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertRulesSchema, SUGGESTED_ALERT_RULES, evaluateRules, latestRuleStates, ruleFindings, type AlertRule } from '../../../../src/shared/history/rules';
import { buildTimeline, timelinePoint, type TimelinePoint } from '../../../../src/shared/history/timeline';

const point = (i: number, values: Partial<TimelinePoint['values']>): TimelinePoint => ({
  runId: i,
  at: `2026-0${i}-01T00:00:00.000Z`,
  dataset: `batch-${i}`,
  values: { accuracy: null, roc_auc: null, ece: null, worst_dp_ratio: null, worst_dp_difference: null, share_drifted: null, ...values },
  worstFairnessKey: values.worst_dp_ratio !== undefined ? 'sex' : null,
});

test('timeline points read the report: metric values, the worst fairness ratio and where it is; unmeasured stays null', () => {
  const p = timelinePoint(
    {
      performance: { accuracy: { value: 0.81, interval: null }, roc_auc: { value: null, interval: null, reason: 'one class' } } as never,
      calibration: { ece: { value: 0.04, interval: null } } as never,
      fairness: {
        sex: { demographic_parity_ratio: { value: 0.9 }, demographic_parity_difference: { value: 0.05 } },
        'sex+age_group': { demographic_parity_ratio: { value: 0.62 }, demographic_parity_difference: { value: 0.21 } },
        region: { demographic_parity_ratio: { value: null, reason: 'no one chosen' }, demographic_parity_difference: { value: 0.3 } },
      },
      run: { id: 7, started_at: '2026-05-01T00:00:00.000Z' },
      dataset: { name: 'loans-may' },
    },
    { runId: 0, at: '', dataset: '' },
  );
  assert.deepEqual(p.values, { accuracy: 0.81, roc_auc: null, ece: 0.04, worst_dp_ratio: 0.62, worst_dp_difference: 0.3, share_drifted: null });
  assert.equal(p.worstFairnessKey, 'sex+age_group');
  assert.equal(p.runId, 7);
  assert.equal(p.dataset, 'loans-may');
});

test('drop from the first run: fires beyond the points given, holds at exactly the limit, unknown when not measured', () => {
  const rule: AlertRule = { kind: 'drop', metric: 'accuracy', by: 0.05, from: 'first' };
  const exact = evaluateRules([point(1, { accuracy: 0.85 }), point(2, { accuracy: 0.8 })], [rule])[0]!;
  assert.equal(exact.state, 'held');
  assert.ok(Math.abs(exact.worsened! - 0.05) < 1e-12);
  const beyond = evaluateRules([point(1, { accuracy: 0.85 }), point(2, { accuracy: 0.84 }), point(3, { accuracy: 0.79 })], [rule])[0]!;
  assert.equal(beyond.state, 'fired');
  assert.equal(beyond.baseline, 0.85);
  assert.equal(evaluateRules([point(1, {}), point(2, { accuracy: 0.5 })], [rule])[0]!.state, 'unknown');
  // From the previous run: 0.84 → 0.79 is 5 points exactly: held.
  assert.equal(evaluateRules([point(1, { accuracy: 0.85 }), point(2, { accuracy: 0.84 }), point(3, { accuracy: 0.79 })], [{ ...rule, from: 'previous' }])[0]!.state, 'held');
  // For a lower-is-better metric, "worse" is up.
  const ece = evaluateRules([point(1, { ece: 0.02 }), point(2, { ece: 0.1 })], [{ kind: 'drop', metric: 'ece', by: 0.05, from: 'first' }])[0]!;
  assert.equal(ece.state, 'fired');
  assert.ok(Math.abs(ece.worsened! - 0.08) < 1e-12);
});

test('five runs on drifting batches: the rules that should fire fire, and no others', () => {
  // Accuracy slides 0.86 → 0.84 → 0.83 → 0.80 → 0.78; the fairness ratio dips below 0.8 only at run 4;
  // drift grows past 30% at run 5.
  const timeline = buildTimeline([
    point(5, { accuracy: 0.78, worst_dp_ratio: 0.83, share_drifted: 0.4 }),
    point(1, { accuracy: 0.86, worst_dp_ratio: 0.9, share_drifted: 0 }),
    point(3, { accuracy: 0.83, worst_dp_ratio: 0.85, share_drifted: 0.15 }),
    point(2, { accuracy: 0.84, worst_dp_ratio: 0.88, share_drifted: 0.05 }),
    point(4, { accuracy: 0.8, worst_dp_ratio: 0.78, share_drifted: 0.25 }),
  ]);
  assert.deepEqual(timeline.map((p) => p.runId), [1, 2, 3, 4, 5]);
  const firedAt = (n: number) => ruleFindings(timeline.slice(0, n), SUGGESTED_ALERT_RULES).filter((f) => f.status === 'issue').map((f) => f.id);
  assert.deepEqual(firedAt(1), []);
  assert.deepEqual(firedAt(2), []);
  assert.deepEqual(firedAt(3), []);
  // Run 4: accuracy 6 points below run 1, fairness ratio 0.78 < 0.8; no drift yet; first performance alert → no retraining.
  assert.deepEqual(firedAt(4), ['history.rule:drop:accuracy:0.05:first', 'history.rule:below:worst_dp_ratio:0.8']);
  // Run 5: accuracy again (second run in a row) and drift 40% > 30% → consider retraining; fairness recovered.
  assert.deepEqual(firedAt(5), ['history.rule:drop:accuracy:0.05:first', 'history.rule:above:share_drifted:0.3', 'history.retrain:model']);
  const retrain = ruleFindings(timeline, SUGGESTED_ALERT_RULES).find((f) => f.check === 'history.retrain')!;
  assert.equal(retrain.numbers.two_runs_in_a_row, true);
  assert.equal(retrain.numbers.with_drift, true);
  const acc = ruleFindings(timeline, SUGGESTED_ALERT_RULES)[0]!;
  assert.equal(acc.numbers.baseline, 0.86);
  assert.equal(acc.numbers.current, 0.78);
  assert.equal(acc.chart?.kind, 'bars');
});

test('a rule whose number this run did not measure (but earlier runs did) says so; one no run ever measured stays quiet', () => {
  const f = ruleFindings([point(1, { accuracy: 0.9 }), point(2, {})], [{ kind: 'below', metric: 'accuracy', value: 0.8 }]);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.status, 'not-enough-data');
  assert.deepEqual(ruleFindings([point(1, { accuracy: 0.9 }), point(2, { accuracy: 0.9 })], [{ kind: 'above', metric: 'share_drifted', value: 0.3 }]), []);
});

test('the rule schema refuses unknown metrics and kinds', () => {
  assert.equal(alertRulesSchema.safeParse(SUGGESTED_ALERT_RULES).success, true);
  assert.equal(alertRulesSchema.safeParse([{ kind: 'drop', metric: 'precision', by: 0.1 }]).success, false);
  assert.equal(alertRulesSchema.safeParse([{ kind: 'sideways', metric: 'accuracy', value: 1 }]).success, false);
  assert.equal(alertRulesSchema.parse([{ kind: 'drop', metric: 'accuracy', by: 0.1 }])[0]!.kind, 'drop');
});

test('check-ups and comparisons interleaved: each rule judges only the runs that measure its number', () => {
  const cu = (i: number, accuracy: number): TimelinePoint => ({ ...point(i, { accuracy }), kind: 'checkup' });
  const cmp = (i: number, share: number): TimelinePoint => ({ ...point(i, { share_drifted: share }), kind: 'compare' });
  const rules: AlertRule[] = [
    { kind: 'drop', metric: 'accuracy', by: 0.05, from: 'previous' },
    { kind: 'above', metric: 'share_drifted', value: 0.3 },
  ];
  // The comparison says nothing about accuracy (no "could not be checked"), and fires its drift rule.
  const atCompare = ruleFindings([cu(1, 0.86), cmp(2, 0.4)], rules);
  assert.deepEqual(atCompare.map((f) => [f.id, f.status]), [['history.rule:above:share_drifted:0.3', 'issue']]);
  // The next check-up compares with the previous check-up (not the comparison in between), says
  // nothing about drift, and with the comparison's drift adds "consider retraining".
  const atCheckup = ruleFindings([cu(1, 0.86), cmp(2, 0.4), cu(3, 0.78)], rules);
  assert.deepEqual(atCheckup.map((f) => f.id), ['history.rule:drop:accuracy:0.05:previous', 'history.retrain:model']);
  assert.equal(atCheckup[0]!.numbers.baseline, 0.86);
  // For display: every rule on the newest run that measured it.
  const states = latestRuleStates([cu(1, 0.86), cmp(2, 0.2), cu(3, 0.85)], rules).map((r) => [r.rule.metric, r.state, r.current]);
  assert.deepEqual(states, [['accuracy', 'held', 0.85], ['share_drifted', 'held', 0.2]]);
  // Points read from stored reports carry their kind.
  assert.equal(timelinePoint({ performance: null, calibration: null, fairness: null, drift: { share_drifted: 0.1 } }, { runId: 1, at: '', dataset: '' }).kind, 'compare');
  assert.equal(timelinePoint({ performance: null, calibration: null, fairness: null, drift: null }, { runId: 1, at: '', dataset: '' }).kind, 'checkup');
});
