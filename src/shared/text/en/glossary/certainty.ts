/**
 * "How sure we are": likely ranges, p- and q-values and the tests behind them, worked out on the
 * report's own intervals and tests (model measures, fairness gaps, weak slices, two models).
 */
import { allTests, driftColumnsOf, largestBy, measured, modelsOf, performanceOf, slicesOf, slicesSummaryOf } from './read';
import { count, dec, pIs, pWords, pct, pct1, q } from './say';
import type { GlossaryEntry, GlossaryReport } from './types';

/** A fairness test's sides in words: "38 of 41 “non-binary” (92.7%)". */
const side = (group: string, s: { value: number; k?: number; n: number }): string =>
  typeof s.k === 'number' ? `${count(s.k)} of ${count(s.n)} ${q(group)} (${pct1(s.value)})` : `${q(group)} (${pct1(s.value)} of ${count(s.n)})`;

const MEASURE_WORDS: Record<string, string> = {
  selection_rate: 'chosen',
  tpr: 'chosen among those who deserved it',
  fpr: 'chosen among those who did not deserve it',
  precision: 'right when chosen',
};

function testByMethod(r: GlossaryReport, method: string) {
  return allTests(r).find((t) => t.test.method === method) ?? null;
}

/** The rows in and outside the best slice, and how many were wrong on each side (exact: the error is a share of rows). */
function bestSlice(r: GlossaryReport) {
  const s = slicesOf(r)[0];
  const rows = slicesSummaryOf(r)?.rows;
  const kind = slicesSummaryOf(r)?.error_kind;
  if (!s || typeof rows !== 'number' || kind !== 'misclassification' || s.error.value === null || s.error_outside.value === null) return null;
  const outside = rows - s.size;
  return { slice: s, inside: s.size, outside, wrongIn: Math.round(s.error.value * s.size), wrongOut: Math.round(s.error_outside.value * outside) };
}

export const certaintyEntries: GlossaryEntry[] = [
  {
    id: 'confidence-interval',
    kind: 'certainty',
    term: 'Likely range',
    technical: 'confidence interval (95%)',
    what: 'Your data is one sample of the cases the model meets. The likely range is where the true value very likely lies — if the same kind of data were collected again and again, a range worked out this way would contain the true value 95 times in 100. Fewer rows give a wider range.',
    misleads: 'It only covers chance from sampling. It does not cover data that is unlike the future (drift), mistakes in the data, or a biased way of collecting it. Two ranges that overlap can still hide a real difference.',
    definition: 'A 95% confidence interval [L, U]: a procedure that covers the true value in 95% of repeated samples. Shares use Wilson score intervals, ROC AUC DeLong’s, F1 and regression errors a percentile bootstrap.',
    related: ['wilson-interval', 'bootstrap-interval', 'support', 'p-value'],
    example(r) {
      const m = measured(performanceOf(r), 'accuracy');
      const n = performanceOf(r)?.rows_used;
      if (!m || m.lower === null || m.upper === null || typeof n !== 'number') return null;
      return `Your model was right ${pct(m.value)} of the time on ${count(n)} rows; the likely range is ${pct1(m.lower)} to ${pct1(m.upper)}. With a quarter of the rows, it would be about twice as wide.`;
    },
  },
  {
    id: 'wilson-interval',
    kind: 'certainty',
    term: 'Likely range of a share',
    technical: 'Wilson score interval',
    what: 'The way Slicewise works out the likely range of a share (such as 1,461 right out of 2,024). Unlike the textbook “plus or minus” formula, it stays between 0% and 100% and behaves well with few rows or shares near 0% or 100%.',
    misleads: 'It assumes the rows are independent of each other; repeated rows of the same person make it too narrow.',
    definition: '(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) ÷ (1 + z²/n), with z = 1.96 for 95% (Wilson 1927; statsmodels proportion_confint, method="wilson").',
    related: ['confidence-interval', 'accuracy', 'quality.duplicate-rows'],
    example(r) {
      const m = measured(performanceOf(r), 'accuracy');
      const c = performanceOf(r)?.confusion as Record<string, unknown> | undefined;
      if (!m || m.method !== 'wilson' || m.lower === null || m.upper === null || typeof c?.tp !== 'number' || typeof c.tn !== 'number' || typeof c.fp !== 'number' || typeof c.fn !== 'number') return null;
      const k = c.tp + c.tn;
      const n = k + c.fp + c.fn;
      return `For ${count(k)} right out of ${count(n)} rows (${pct1(k / n)}), the formula with z = 1.96 gives ${pct1(m.lower)} to ${pct1(m.upper)}.`;
    },
  },
  {
    id: 'bootstrap-interval',
    kind: 'certainty',
    term: 'Likely range by resampling',
    technical: 'percentile bootstrap interval',
    what: 'For measures without a simple formula, Slicewise redraws the rows at random (with repeats) many times, works the measure out each time, and keeps the middle 95% of the results as the likely range.',
    misleads: 'With very few rows or very rare events, the resamples all look alike and the range comes out too narrow.',
    definition: 'The 2.5th and 97.5th percentiles of the statistic over B = 1,000 resamples of size N drawn with replacement (seeded, so the range is reproducible).',
    related: ['confidence-interval', 'f1', 'mae'],
    example(r) {
      for (const key of ['f1', 'mae', 'rmse']) {
        const m = measured(performanceOf(r), key);
        if (m && m.method === 'bootstrap-percentile' && m.lower !== null && m.upper !== null) return `Your ${key === 'f1' ? 'F1 score' : key.toUpperCase()} is ${dec(m.value)}; across 1,000 resamples of your rows, the middle 95% of results ran from ${dec(m.lower)} to ${dec(m.upper)}.`;
      }
      return null;
    },
  },
  {
    id: 'p-value',
    kind: 'certainty',
    term: 'Could it be chance?',
    technical: 'p-value',
    what: 'Suppose there were really no difference. The p-value is how often a difference at least as large as the one seen would turn up by chance alone. A small p-value (below 0.05, say) means chance is an unlikely explanation.',
    misleads: 'It is not the chance that the difference is real, and it says nothing about how large or important the difference is: with many rows, tiny differences get tiny p-values. With many tests, some small p-values turn up by chance — that is what q-values correct.',
    definition: 'p = P(a test statistic at least as extreme as the observed one | no real difference). Slicewise reports two-sided p-values except for slices (one-sided: worse than elsewhere).',
    related: ['q-value', 'two-proportion-z-test', 'fisher-exact-test', 'confidence-interval'],
    example(r) {
      const t = allTests(r).find((x) => x.test.metric === 'selection_rate');
      if (t) {
        const { test } = t;
        return `By ${t.key.columns.join(' × ')}: ${side(test.high_group, test.high)} were chosen against ${side(test.low_group, test.low)}. If the two groups were really chosen equally often, a gap this large would turn up with probability ${pWords(test.p_value)}.`;
      }
      const c = largestBy(driftColumnsOf(r), (x) => (x.p_value === null ? null : x.psi));
      if (c && c.p_value !== null) return `For ${q(c.name)}, if nothing had really changed between the two batches, a difference this large would turn up with probability ${pWords(c.p_value)}.`;
      const m = modelsOf(r);
      if (m) return `If ${q(m.models.a)} and ${q(m.models.b)} were really equally accurate, a difference like the one seen on these rows would turn up with probability ${pWords(m.mcnemar.p_value)} (McNemar test).`;
      return null;
    },
  },
  {
    id: 'q-value',
    kind: 'certainty',
    term: 'Could it be chance, after many tries?',
    technical: 'q-value, Benjamini–Hochberg, false discovery rate (FDR)',
    what: 'When hundreds of groups are tested, a few look worse by pure chance. The q-value adjusts each p-value for the number of tries. Keeping only results with q at most 5% (the false discovery rate) means that, on average, no more than 5% of what is kept is a fluke.',
    misleads: 'It controls the share of flukes among what is kept, not the chance of any single fluke. A result dropped for its q-value may still be real — there was just not enough data to tell it from chance among so many tries.',
    definition: 'Benjamini–Hochberg (1995): sort the m p-values; q(i) = min over j ≥ i of p(j) · m ÷ j; keep results with q ≤ the FDR (statsmodels multipletests, method="fdr_bh").',
    related: ['p-value', 'slices.weak', 'lift'],
    example(r) {
      const summary = slicesSummaryOf(r);
      const s = slicesOf(r)[0];
      if (summary && s && typeof summary.examined === 'number' && typeof summary.fdr === 'number' && typeof summary.significant === 'number') {
        return `Slicewise tested ${count(summary.examined)} groups of your rows. The one listed first has p ${pIs(s.p_value)}; allowing for ${count(summary.examined)} tries, its q is ${pWords(s.q_value)}, within the ${pct(summary.fdr)} false discovery rate. ${count(summary.significant)} groups passed.`;
      }
      const t = allTests(r).find((x) => x.test.q_value !== null);
      if (!t || t.test.q_value === null) return null;
      return `By ${t.key.columns.join(' × ')}, the gap in being ${MEASURE_WORDS[t.test.metric] ?? t.test.metric} has p ${pIs(t.test.p_value)}; allowing for every gap tested, q is ${pWords(t.test.q_value)}.`;
    },
  },
  {
    id: 'two-proportion-z-test',
    kind: 'certainty',
    term: 'Test of two shares',
    technical: 'two-proportion z test',
    what: 'Checks whether two groups’ shares (say, 93% and 67% chosen) are further apart than chance would make them, given how many rows each group has.',
    misleads: 'It relies on an approximation that fails with few rows; Slicewise then switches to Fisher’s exact test.',
    definition: 'z = (p̂₁ − p̂₂) ÷ √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with the pooled p̂ = (k₁ + k₂) ÷ (n₁ + n₂); two-sided p from the normal distribution (statsmodels proportions_ztest).',
    related: ['p-value', 'fisher-exact-test', 'demographic-parity-difference'],
    example(r) {
      const t = testByMethod(r, 'two-proportion-z');
      if (!t || typeof t.test.high.k !== 'number' || typeof t.test.low.k !== 'number') return null;
      const { high, low } = t.test;
      const pooled = (high.k! + low.k!) / (high.n + low.n);
      const z = (high.value - low.value) / Math.sqrt(pooled * (1 - pooled) * (1 / high.n + 1 / low.n));
      if (!Number.isFinite(z)) return null;
      return `${side(t.test.high_group, high)} against ${side(t.test.low_group, low)}: pooled share ${pct1(pooled)}, z = ${dec(z)}, p ${pIs(t.test.p_value)}.`;
    },
  },
  {
    id: 'fisher-exact-test',
    kind: 'certainty',
    term: 'Exact test of two shares',
    technical: 'Fisher’s exact test',
    what: 'Checks whether two groups’ shares differ by more than chance, by counting every way the rows could have fallen. Used when a group is small, and for weak slices.',
    misleads: 'Being exact does not make it powerful: with a handful of rows even a large gap can have a large p-value.',
    definition: 'p from the hypergeometric distribution of the 2×2 table with fixed margins (scipy.stats.fisher_exact; two-sided for groups, one-sided "greater" for slices). Used for groups when an expected cell count is below 5.',
    related: ['two-proportion-z-test', 'p-value', 'slices.weak'],
    example(r) {
      const t = testByMethod(r, 'fisher-exact');
      if (t) return `${side(t.test.high_group, t.test.high)} against ${side(t.test.low_group, t.test.low)} were ${MEASURE_WORDS[t.test.metric] ?? t.test.metric}: too few rows for the approximate test, so the exact one gives p ${pIs(t.test.p_value)}.`;
      const b = bestSlice(r);
      if (!b) return null;
      return `In the weak spot “${b.slice.description}”, ${count(b.wrongIn)} of ${count(b.inside)} rows were wrong, against ${count(b.wrongOut)} of ${count(b.outside)} elsewhere; the exact one-sided test gives p ${pIs(b.slice.p_value)}.`;
    },
  },
  {
    id: 'welch-t-test',
    kind: 'certainty',
    term: 'Test of two averages',
    technical: 'Welch’s t test',
    what: 'Checks whether the average error in a group is larger than elsewhere by more than chance, allowing the two sides to vary by different amounts.',
    misleads: 'A few huge errors can dominate both the averages and the test.',
    definition: 't = (m₁ − m₂) ÷ √(s₁²/n₁ + s₂²/n₂) with Welch–Satterthwaite degrees of freedom (scipy.stats.ttest_ind, equal_var=False).',
    related: ['p-value', 'mae-gap', 'slices.weak'],
    example(r) {
      const s = slicesOf(r)[0];
      const kind = slicesSummaryOf(r)?.error_kind;
      if (!s || kind === 'misclassification' || s.error.value === null || s.error_outside.value === null) return null;
      return `In the weak spot “${s.description}” (${count(s.size)} rows) the average error is ${dec(s.error.value)}, against ${dec(s.error_outside.value)} elsewhere: p ${pIs(s.p_value)}.`;
    },
  },
  {
    id: 'lift',
    kind: 'certainty',
    term: 'Times worse',
    technical: 'lift (error ratio)',
    what: 'How many times more often the model is wrong inside a group of rows than outside it. 2 means twice as often.',
    misleads: 'A big lift on a tiny group may be chance (check its q-value), and a small lift on a big group can matter more.',
    definition: 'lift = error rate in the slice ÷ error rate outside it; not defined when the error outside is 0.',
    related: ['slices.weak', 'q-value'],
    example(r) {
      const s = slicesOf(r)[0];
      if (!s || s.lift === null || s.error.value === null || s.error_outside.value === null) return null;
      const e = s.error.value;
      const out = s.error_outside.value;
      if (slicesSummaryOf(r)?.error_kind === 'misclassification') return `Where ${s.description}, the model is wrong ${pct1(e)} of the time, against ${pct1(out)} elsewhere: ${pct1(e)} ÷ ${pct1(out)} = ${dec(s.lift)} times.`;
      return `Where ${s.description}, the average error is ${dec(e)}, against ${dec(out)} elsewhere: ${dec(e)} ÷ ${dec(out)} = ${dec(s.lift)} times.`;
    },
  },
  {
    id: 'mcnemar-test',
    kind: 'certainty',
    term: 'Test of two models on the same rows',
    technical: 'McNemar’s test',
    what: 'Compares two models on the rows where they disagree: how often the first was right and the second wrong, against the other way round. If both models were equally good, these two counts would be about equal.',
    misleads: 'It only asks which model is right more often, not by how much, nor for whom: a model better overall can be worse for a group.',
    definition: 'With b = A right, B wrong and c = A wrong, B right: χ² = (|b − c| − 1)² ÷ (b + c) with 1 degree of freedom; the exact binomial test when b + c < 25 (statsmodels mcnemar).',
    related: ['p-value', 'delong-test', 'models.comparison', 'accuracy'],
    example(r) {
      const m = modelsOf(r);
      if (!m) return null;
      const { b, c } = m.mcnemar;
      const head = `On ${count(b)} rows ${q(m.models.a)} was right and ${q(m.models.b)} wrong; on ${count(c)} rows the other way round.`;
      if (m.mcnemar.statistic === null) return `${head} Exact test: p ${pIs(m.mcnemar.p_value)}.`;
      return `${head} (|${count(b)} − ${count(c)}| − 1)² ÷ (${count(b)} + ${count(c)}) = ${dec(m.mcnemar.statistic)}, so p ${pIs(m.mcnemar.p_value)}.`;
    },
  },
  {
    id: 'delong-test',
    kind: 'certainty',
    term: 'Likely range and test of ROC AUC',
    technical: 'DeLong’s method',
    what: 'A way to work out how much a ROC AUC could move by chance, and to compare two scores on the same rows without resampling.',
    misleads: 'Like every test of AUC it only concerns ranking, not the decisions made at a cut-off.',
    definition: 'DeLong, DeLong & Clarke-Pearson (1988): the variance of the AUC from its structural components (one per positive and per negative row); for two scores, the covariance of their components gives z = ΔAUC ÷ SE.',
    related: ['roc-auc', 'mcnemar-test', 'confidence-interval'],
    example(r) {
      const m = modelsOf(r);
      if (m?.auc) return `ROC AUC ${dec(m.auc.auc_a)} for ${q(m.models.score_a ?? m.models.a)} and ${dec(m.auc.auc_b)} for ${q(m.models.score_b ?? m.models.b)}: a difference of ${dec(m.auc.difference)} (likely range ${dec(m.auc.interval.lower)} to ${dec(m.auc.interval.upper)}), z = ${dec(m.auc.z)}, p ${pIs(m.auc.p_value)}.`;
      const auc = measured(performanceOf(r), 'roc_auc');
      if (!auc || auc.method !== 'delong' || auc.lower === null || auc.upper === null) return null;
      return `Your score’s ROC AUC is ${dec(auc.value)}; DeLong’s method puts its likely range at ${dec(auc.lower)} to ${dec(auc.upper)}.`;
    },
  },
];
