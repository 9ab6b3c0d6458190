/**
 * Distributions of Kolmogorov–Smirnov statistics, ported from scipy (scipy/stats/_ksstats.py and
 * the Cephes/xsf `kolmogorov.h` by P. van Mulbregt), which follow Simard & L'Ecuyer, "Computing
 * the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11), 2011.
 *
 * - kolmogorovSurvival(x): the limiting distribution, Pr(√n·Dn ≥ x) as n → ∞
 *   (scipy.special.kolmogorov = scipy.stats.kstwobign.sf). Exact series, ~1e-16.
 * - smirnovSurvival(n, x): one-sided Pr(Dn+ ≥ x) (scipy.special.smirnov), by the
 *   Birnbaum–Tingey sum. Where this differs from scipy: scipy sums in double-double arithmetic and,
 *   for x ≤ 0.5/√n, may sum the few upper terms instead; we sum the lower terms in ordinary doubles
 *   with each term formed in logs (every k-th term for n > 20,000, see stridedSum), which agrees
 *   with scipy to about 1e-9 relative (tested) and is only ever called here for x above that cut-off. For n > 1,000,000 both use scipy's
 *   approximation e^(−(6nx+1)²/18n).
 * - kolmogorovNSurvival(n, x): two-sided Pr(Dn ≥ x) for sample size n (scipy.stats.kstwo.sf), with
 *   Simard & L'Ecuyer's choice of method exactly as scipy's `_kolmogn(n, x, cdf=False)`, except
 *   that where scipy uses Pomeranz's recursion (n ≤ 140, 0.754693 < n·x² ≤ 4) we use the Durbin
 *   matrix (Marsaglia–Tsang–Wang) — both are exact algorithms, agreeing to rounding.
 */
import { logGamma } from './log-gamma';

const MIN_LOG = -708.3964185322641; // log(smallest normal double), Cephes MINLOG
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI * Math.PI;
const PI4 = PI2 * PI2;
const PI6 = PI4 * PI2;
const TWO_128 = 2 ** 128;
const TWO_M128 = 2 ** -128;

const clip01 = (p: number): number => Math.min(1, Math.max(0, p));

/** scipy.special.kolmogorov(x) = kstwobign.sf(x): 1 − K(x), K the Kolmogorov distribution. */
export function kolmogorovSurvival(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= Math.PI / Math.sqrt(8 * 746)) return 1; // K(x) underflows (xsf: MIN_EXPABLE = −746)
  if (x <= 0.82) {
    // K(x) = (√(2π)/x)·Σ_k e^(−(2k−1)²π²/(8x²)): u = e^(−π²/8x²), P = w·u·(1 + u⁸ + u²⁴ + u⁴⁸…)
    const w = SQRT_2PI / x;
    const logu8 = -PI2 / (x * x);
    const u = Math.exp(logu8 / 8);
    if (u === 0) return clip01(1 - Math.exp(logu8 / 8 + Math.log(w)));
    const u8 = Math.exp(logu8);
    let p = 1;
    p = 1 + u8 * u8 * u8 * p;
    p = 1 + u8 * u8 * p;
    p = 1 + u8 * p;
    return clip01(1 - w * u * p);
  }
  // 1 − K(x) = 2 Σ_k (−1)^(k−1) e^(−2k²x²) = 2v(1 − v³(1 − v⁵(1 − v⁷…))), v = e^(−2x²)
  const v = Math.exp(-2 * x * x);
  const v3 = v * v * v;
  let p = 1;
  p = 1 - v3 * v3 * v * p;
  p = 1 - v3 * v * v * p;
  p = 1 - v3 * p;
  return clip01(2 * v * p);
}

/**
 * scipy.special.smirnov(n, x): Pr(Dn+ ≥ x) = x·Σ_{v=0}^{⌈n(1−x)⌉−1} C(n,v)(1−x−v/n)^(n−v)(x+v/n)^(v−1)
 * (Birnbaum & Tingey 1951). Terms are formed in logs; the loop stops, as scipy's does, once the
 * terms left cannot change the sum.
 */
export function smirnovSurvival(n: number, x: number): number {
  if (!(n > 0) || !(x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  const nxFloor = Math.floor(nx);
  if (nxFloor === 0 || (nxFloor === 1 && nx === 1)) return clip01(1 - x * Math.pow(1 + x, n - 1));
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return Math.pow(1 - x, n);
  if (n > 1_000_000) {
    const logp = -Math.pow(6 * nx + 1, 2) / 18 / n;
    return clip01(logp < -Math.LN2 ? Math.exp(logp) : -Math.expm1(logp));
  }
  // v runs while 1 − x − v/n > 0, i.e. v < n(1 − x).
  const last = Math.ceil(n - nx) - 1;
  return clip01(x * (n > STRIDED_MIN_N ? stridedSum(n, nx, last) : fullSum(n, nx, last)));
}

/** Above this n the Birnbaum–Tingey sum is evaluated on every k-th term (see stridedSum). */
const STRIDED_MIN_N = 20_000;

/** ln of one term C(n,v)(1 − x − v/n)^(n−v)(x + v/n)^(v−1), with nx = n·x. */
function logTerm(n: number, nx: number, v: number, logC: number): number {
  const logN = Math.log(n);
  return logC + (n - v) * (Math.log(n - nx - v) - logN) + (v - 1) * (Math.log(nx + v) - logN);
}

/** Every term, ln C(n, v) kept as a compensated running sum; stops once the rest is negligible. */
function fullSum(n: number, nx: number, last: number): number {
  let logC = 0;
  let logCc = 0;
  let sum = 0;
  for (let v = 0; v <= last; v++) {
    if (v > 0) {
      const add = Math.log((n - v + 1) / v);
      const t = logC + add;
      logCc += Math.abs(logC) >= Math.abs(add) ? logC - t + add : add - t + logC;
      logC = t;
    }
    const term = Math.exp(logTerm(n, nx, v, logC + logCc));
    sum += term;
    if (term !== 0 && 4 * (last - v) * term < Number.EPSILON * sum && v !== last) break;
    if (term === 0 && v > n / 2) break;
  }
  return sum;
}

/**
 * For large n the terms form a smooth bell tens of thousands of terms wide (the Brownian bridge's
 * first-crossing time), negligible at both ends. By the Poisson summation formula the sum of every
 * k-th term times k then equals the full sum up to terms of order e^(−2π²σ²/k²) — far below
 * rounding for k = ⌊√n/8⌋ — at 1/k of the cost (checked against scipy to ~1e-9 relative). When an
 * end term is not negligible the full sum is used instead.
 */
function stridedSum(n: number, nx: number, last: number): number {
  const k = Math.max(1, Math.floor(Math.sqrt(n) / 8));
  const logNFact = logGamma(n + 1);
  const at = (v: number): number => Math.exp(logTerm(n, nx, v, logNFact - logGamma(v + 1) - logGamma(n - v + 1)));
  let sum = 0;
  for (let v = 0; v <= last; v += k) sum += at(v);
  sum *= k;
  const ends = at(0) + at(last);
  return ends > 1e-20 * sum ? fullSum(n, nx, last) : sum;
}

/** ln(n!/nⁿ) by Stirling's series with n·ln n removed up front (scipy's _log_nfactorial_div_n_pow_n). */
function logFactorialOverPower(n: number): number {
  // B_2j / (2j(2j − 1)) for j = 8 … 1, as the nearest doubles.
  const c = [
    -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953, 0.0007936507936507937,
    -0.002777777777777778, 0.08333333333333333,
  ];
  const rn = 1 / n;
  let poly = 0;
  for (const ci of c) poly = poly * (rn / n) + ci;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += aik * b[k * m + j]!;
    }
  }
  return out;
}

/**
 * Pr(Dn ≤ d) by Durbin's matrix as computed by Marsaglia, Tsang & Wang (2003) — scipy's
 * `_kolmogn_DMTW`. Unlike scipy, the accumulated power is rescaled too, so it cannot overflow.
 */
export function kolmogorovNCdfDurbin(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - Math.pow(h, j)) * fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1]!;
  for (let r = 0; r < m; r++) H[r * m] = v[r]!;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c]!;

  let power: Float64Array | null = null; // null = identity
  let exponent = 0;
  let hExponent = 0;
  const diag = (k - 1) * m + (k - 1);
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2 === 1) {
      power = power ? matMul(power, H, m) : H.slice();
      exponent += hExponent;
      if (Math.abs(power[diag]!) > TWO_128) {
        for (let i = 0; i < power.length; i++) power[i]! /= TWO_128;
        exponent += 128;
      }
    }
    H = matMul(H, H, m);
    hExponent *= 2;
    if (Math.abs(H[diag]!) > TWO_128) {
      for (let i = 0; i < H.length; i++) H[i]! /= TWO_128;
      hExponent += 128;
    }
  }
  let p = power ? power[diag]! : 1;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < TWO_M128) {
      p *= TWO_128;
      exponent -= 128;
    }
  }
  return clip01(exponent === 0 ? p : p * Math.pow(2, exponent));
}

/** Pelz & Good (1976) approximation to Pr(Dn ≤ x) — scipy's `_kolmogn_PelzGood`. */
export function kolmogorovNCdfPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z4 * z4;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k >= 1; k--) {
    const mm = 2 * k - 1;
    const m2 = mm * mm;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qp = Math.pow(q, 8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i]! * qp + coeffs[i]!;
  }
  const div = [z, 6 * z4, 72 * z4 * z3, 6480 * z4 * z6];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * SQRT_2PI) / div[i]!;
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k >= 1; k--) {
    const k2 = k * k;
    const qk = Math.pow(q, k2);
    k2extra += k2 * qk;
    const kpi = Math.PI * k;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  K[2] = K[2]! + (k2extra * PI2 * SQRT_2PI) / (-36 * z3);
  K[3] = K[3]! + (k3extra * PI2 * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i]! / Math.pow(n, i / 2);
  return sum;
}

/** scipy.stats.kstwo.sf(x, n): Pr(Dn ≥ x) for the two-sided one-sample statistic. */
export function kolmogorovNSurvival(n: number, x: number): number {
  if (!(Number.isInteger(n) && n > 0) || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben & Gambino: for 1/2n < x ≤ 1/n, Pr(Dn ≤ x) = n!/nⁿ (2t − 1)ⁿ
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= (i / n) * (2 * t - 1);
    } else cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip01(1 - cdf);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip01(2 * smirnovSurvival(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip01(1 - kolmogorovNCdfDurbin(n, x)); // scipy: DMTW to 0.754693, then Pomeranz
    return clip01(2 * smirnovSurvival(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip01(2 * smirnovSurvival(n, x));
  let cdf: number;
  if (nx2 >= 18) cdf = 1;
  else if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) cdf = kolmogorovNCdfDurbin(n, x);
  else cdf = kolmogorovNCdfPelzGood(n, x);
  return clip01(1 - cdf);
}
