/**
 * Estimated performance without labels, in the style of NannyML's confidence-based performance
 * estimation (CBPE): when a new batch has the model's scores but no outcomes yet, a calibrated
 * score already says how likely each row is to be positive, and so how likely each decision is to
 * be right.
 *
 * Steps:
 * 1. Check calibration on the reference (which has labels), two ways: ECE with 10 equal-width bins
 *    (src/shared/metrics/calibration.ts) must be below `eceLimit` (0.05), and the accuracy the raw
 *    scores predict for the reference (step 3) must be within 3 standard errors of its real
 *    accuracy — ECE alone can hide a bias that matters for this estimate (scores a little
 *    over-confident everywhere). Scores that pass are used as they are.
 * 2. Otherwise (recalibrate 'auto'; or always with 'always'), fit isotonic regression
 *    score → outcome on the reference (isotonic.ts) and use its output as the probability. Its
 *    out-of-sample ECE is measured by 2-fold cross-fitting on the reference (fit on even rows,
 *    check on odd rows, and the reverse). If that is still at or above the limit — or the scores
 *    fail the check and recalibration is off, or the reference is small — the estimate is given
 *    but marked unreliable, with the reason.
 * 3. Expected accuracy = mean over rows of q_i, q_i = p_i if the model predicts positive, else
 *    1 − p_i. The hidden accuracy of this batch is a sum of independent Bernoulli(q_i) draws / n, so
 *    its variance is Σ q_i(1 − q_i)/n² and the interval is normal: estimate ± z·√(Σ q_i(1 − q_i))/n.
 * 4. Expected ROC AUC: with R = Σ y_i·r_i (r_i the score's mid-rank in the batch, fixed) and
 *    P = Σ y_i, AUC = (R − P(P+1)/2)/(P(n − P)) exactly (Mann–Whitney). Under the model, R and P are
 *    sums of independent Bernoulli(p_i) terms: the estimate is E[U]/E[P(n − P)] (both expectations
 *    exact) and the interval normal with the delta-method variance of that ratio.
 *
 * In plain words, the estimate holds if (a) the scores, after any recalibration, are honest
 * chances, and (b) the link between score and outcome is the same in the new batch as in the
 * reference — the people may change (covariate shift is fine), but the same score must still mean
 * the same chance. The interval covers only the luck of which rows turn out positive; it does not
 * include the error in the calibration map itself, nor a change in the score–outcome link, which
 * no unlabelled method can detect.
 */
import { SCORE_THRESHOLD } from '../checks/model/outcome';
import { normalQuantile } from '../metrics/normal';
import { applyIsotonic, fitIsotonicGroups, predictIsotonic } from './isotonic';
import { type ScoreGroups, aucFromGroups, eceBins, eceFromBins, groupCounts, groupScores } from './score-groups';
import type { DriftInterval } from './types';

export interface EstimateOptions {
  level?: number;
  /** ECE at or above this: the raw scores are not trusted as probabilities (default 0.05). */
  eceLimit?: number;
  /** 'auto': recalibrate when the raw scores fail the check; 'always'; 'never' (then only warn). */
  recalibrate?: 'auto' | 'always' | 'never';
  /** Fewer reference rows than this: the calibration check itself is too rough (default 100). */
  minReferenceRows?: number;
}

export interface EstimatedValue {
  estimate: number;
  /** Standard deviation of the hidden value around the estimate, under the assumptions. */
  standard_error: number;
  interval: DriftInterval;
}

export interface EstimatedPerformance {
  available: boolean;
  reason?: string;
  rows_ref: number;
  rows_cur: number;
  /** The reference's expected calibration error of the raw scores (null: scores not in [0, 1]). */
  ece_reference: number | null;
  ece_limit: number;
  recalibration: 'none' | 'isotonic';
  /** ECE of the recalibrated scores on the reference, 2-fold cross-fitted. */
  ece_after_recalibration: number | null;
  reliability: 'calibrated' | 'recalibrated' | 'unreliable';
  reliable: boolean;
  /** Why it is unreliable, in plain words (absent when reliable). */
  reliability_reason?: string;
  accuracy: EstimatedValue | null;
  roc_auc: EstimatedValue | null;
  /** The same estimator on the reference's own scores next to its real labels: a sanity check. */
  reference_check: {
    accuracy_realized: number;
    /** Out-of-fold when recalibrated (so the check is honest). */
    accuracy_estimated: number;
    /** (realized − estimated) ÷ standard error; beyond ±3 the raw scores fail the check. */
    accuracy_z: number | null;
    roc_auc_realized: number | null;
    /** In-sample (the map fitted on the reference itself) when recalibrated. */
    roc_auc_estimated: number | null;
  } | null;
  /** Share of the current scores outside the reference's score range (the map is flat there). */
  share_outside_reference_range: number;
}

export interface LabelledScores {
  yTrue: Uint8Array;
  score: Float64Array;
  /** The same rows grouped by score, when the caller already has them (saves a sort). */
  groups?: ScoreGroups;
  /** The model's decisions (1 = positive); default score ≥ 0.5. */
  yPred?: Uint8Array | null;
}

export interface UnlabelledScores {
  score: Float64Array;
  yPred?: Uint8Array | null;
}

const decisions = (s: Float64Array, yPred: Uint8Array | null | undefined): Uint8Array => yPred ?? Uint8Array.from(s, (x) => (x >= SCORE_THRESHOLD ? 1 : 0));

/** Expected accuracy of decisions `yPred` given P(y = 1) = p, with its normal interval. */
export function expectedAccuracy(p: Float64Array, yPred: Uint8Array, level = 0.95): EstimatedValue | null {
  const n = p.length;
  if (n === 0) return null;
  let sum = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const q = yPred[i] ? p[i]! : 1 - p[i]!;
    sum += q;
    variance += q * (1 - q);
  }
  const estimate = sum / n;
  const se = Math.sqrt(variance) / n;
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return { estimate, standard_error: se, interval: { lower: Math.max(0, estimate - half), upper: Math.min(1, estimate + half), level, method: 'normal' } };
}

/**
 * Expected ROC AUC of `score` when a row with score s is positive with probability `probability(s)`
 * (a function of the score, so equal scores share it), with the delta-method normal interval. Null
 * when fewer than one positive or one negative is expected.
 */
export function expectedRocAuc(score: Float64Array, probability: (s: number) => number, level = 0.95): EstimatedValue | null {
  const g = groupScores(null, score);
  return expectedRocAucGroups(g.scores, groupCounts(g), probability, level);
}

/** expectedRocAuc from distinct ascending scores and the rows at each. */
export function expectedRocAucGroups(scores: Float64Array, counts: Float64Array, probability: (s: number) => number, level = 0.95): EstimatedValue | null {
  let n = 0;
  let ep = 0;
  let vp = 0;
  let er = 0;
  let varR = 0;
  let cov = 0;
  for (let k = 0; k < scores.length; k++) {
    const t = counts[k]!;
    const rank = n + (t + 1) / 2; // mid-rank, 1-based
    const pk = probability(scores[k]!);
    const v = pk * (1 - pk);
    ep += t * pk;
    vp += t * v;
    er += t * pk * rank;
    varR += t * rank * rank * v;
    cov += t * rank * v;
    n += t;
  }
  if (n < 2 || ep < 1 || n - ep < 1) return null;
  const estimate = (er - (vp + ep * ep + ep) / 2) / (n * ep - vp - ep * ep);
  // Delta method for g(R, P) = (R − P(P+1)/2) / (P(n − P)) at the expected values.
  const D = ep * (n - ep);
  const U = er - (ep * (ep + 1)) / 2;
  const gR = 1 / D;
  const gP = (-(ep + 0.5) * D - U * (n - 2 * ep)) / (D * D);
  const variance = Math.max(0, gR * gR * varR + 2 * gR * gP * cov + gP * gP * vp);
  const se = Math.sqrt(variance);
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return { estimate, standard_error: se, interval: { lower: Math.max(0, estimate - half), upper: Math.min(1, estimate + half), level, method: 'normal' } };
}

const identity = (x: number): number => x;

/**
 * 2-fold cross-fitting on the reference: isotonic fitted on the even rows maps the odd rows and
 * the reverse. Returns the out-of-fold ECE and each row's out-of-fold probability.
 */
function crossFitted(ref: LabelledScores): { ece: number | null; p: Float64Array } {
  const n = ref.score.length;
  const p = new Float64Array(n);
  const bins = { p: new Float64Array(10), y: new Float64Array(10), n: { rows: 0 } };
  const fold = (parity: number): { y: Uint8Array; s: Float64Array } => {
    const size = Math.floor((n - parity + 1) / 2);
    const y = new Uint8Array(size);
    const s = new Float64Array(size);
    for (let i = parity, k = 0; i < n; i += 2, k++) {
      y[k] = ref.yTrue[i]!;
      s[k] = ref.score[i]!;
    }
    return { y, s };
  };
  const even = fold(0);
  const odd = fold(1);
  const evenGroups = groupScores(even.y, even.s);
  const oddGroups = groupScores(odd.y, odd.s);
  const fitEven = fitIsotonicGroups(evenGroups);
  const fitOdd = fitIsotonicGroups(oddGroups);
  eceBins(oddGroups, (x) => predictIsotonic(fitEven, x), bins);
  eceBins(evenGroups, (x) => predictIsotonic(fitOdd, x), bins);
  for (let i = 0; i < n; i++) p[i] = predictIsotonic(i % 2 === 0 ? fitOdd : fitEven, ref.score[i]!);
  return { ece: eceFromBins(bins), p };
}

const inUnitInterval = (s: Float64Array): boolean => s.every((x) => x >= 0 && x <= 1);

export function estimatePerformance(reference: LabelledScores, current: UnlabelledScores, options: EstimateOptions = {}): EstimatedPerformance {
  const level = options.level ?? 0.95;
  const eceLimit = options.eceLimit ?? 0.05;
  const minRows = options.minReferenceRows ?? 100;
  const base = { rows_ref: reference.score.length, rows_cur: current.score.length, ece_limit: eceLimit, share_outside_reference_range: 0 };
  const unavailable = (reason: string): EstimatedPerformance => ({
    ...base,
    available: false,
    reason,
    ece_reference: null,
    recalibration: 'none',
    ece_after_recalibration: null,
    reliability: 'unreliable',
    reliable: false,
    reliability_reason: reason,
    accuracy: null,
    roc_auc: null,
    reference_check: null,
  });
  if (reference.score.length === 0) return unavailable('The reference has no rows with both a score and an outcome, so the scores cannot be checked.');
  if (current.score.length === 0) return unavailable('The current batch has no scores to estimate from.');

  const predRef = decisions(reference.score, reference.yPred);
  const predCur = decisions(current.score, current.yPred);
  let correct = 0;
  for (let i = 0; i < predRef.length; i++) if (predRef[i] === reference.yTrue[i]) correct++;
  const realized = correct / predRef.length;
  const zOf = (e: EstimatedValue | null): number | null => (e && e.standard_error > 0 ? (realized - e.estimate) / e.standard_error : null);

  const rawIsProbability = inUnitInterval(reference.score) && inUnitInterval(current.score);
  const refGroups = reference.groups ?? groupScores(reference.yTrue, reference.score);
  const eceRaw = rawIsProbability ? eceFromBins(eceBins(refGroups, identity)) : null;
  const rawCheck = rawIsProbability ? expectedAccuracy(reference.score, predRef, level) : null;
  const zRaw = zOf(rawCheck);
  const rawOk = eceRaw !== null && eceRaw < eceLimit && (zRaw === null || Math.abs(zRaw) <= 3);
  const mode = options.recalibrate ?? 'auto';
  const recalibrate = mode === 'always' || (mode === 'auto' && !rawOk);
  if (!recalibrate && !rawIsProbability) {
    return unavailable('The scores are not between 0 and 1, so they cannot be read as chances, and recalibration is switched off.');
  }
  const fit = recalibrate ? fitIsotonicGroups(refGroups) : null;
  const probability = fit ? (x: number) => predictIsotonic(fit, x) : identity;
  const pCur = fit ? applyIsotonic(fit, current.score) : current.score;
  const outOfFold = fit ? crossFitted(reference) : null;
  const eceAfter = outOfFold ? outOfFold.ece : null;
  const check = outOfFold ? expectedAccuracy(outOfFold.p, predRef, level) : rawCheck;
  const curGroups = groupScores(null, current.score);

  let why: string | undefined;
  if (reference.score.length < minRows) why = `The reference has only ${reference.score.length} labelled rows, too few to check the scores’ calibration well.`;
  else if (!fit && !rawOk) why = 'The scores do not match how often the outcome happens in the reference, and recalibration is switched off.';
  else if (fit && !(eceAfter !== null && eceAfter < eceLimit)) why = 'Even after recalibration the scores do not match how often the outcome happens in the reference.';
  const reliability: EstimatedPerformance['reliability'] = why ? 'unreliable' : fit ? 'recalibrated' : 'calibrated';

  let minRef = Infinity;
  let maxRef = -Infinity;
  for (const s of reference.score) {
    if (s < minRef) minRef = s;
    if (s > maxRef) maxRef = s;
  }
  let outside = 0;
  for (const s of current.score) if (s < minRef || s > maxRef) outside++;
  const refAuc = expectedRocAucGroups(refGroups.scores, groupCounts(refGroups), probability, level);
  return {
    ...base,
    share_outside_reference_range: outside / current.score.length,
    available: true,
    ece_reference: eceRaw,
    recalibration: fit ? 'isotonic' : 'none',
    ece_after_recalibration: eceAfter,
    reliability,
    reliable: reliability !== 'unreliable',
    ...(why ? { reliability_reason: why } : {}),
    accuracy: expectedAccuracy(pCur, predCur, level),
    roc_auc: expectedRocAucGroups(curGroups.scores, groupCounts(curGroups), probability, level),
    reference_check: {
      accuracy_realized: realized,
      accuracy_estimated: check!.estimate,
      accuracy_z: zOf(check),
      roc_auc_realized: aucFromGroups(refGroups)?.auc ?? null,
      roc_auc_estimated: refAuc?.estimate ?? null,
    },
  };
}
