/**
 * Special functions against closed forms (hand-worked) and against scipy 1.17.1 / Python's
 * math.lgamma (values printed by running the named call; provenance next to each).
 */
import { describe, test } from 'node:test';
import { chiSquareSurvival, gammaP, gammaQ } from '../../../../src/shared/stats/incomplete-gamma';
import { kolmogorovNCdfDurbin, kolmogorovNSurvival, kolmogorovSurvival, smirnovSurvival } from '../../../../src/shared/stats/kolmogorov';
import { logBinomial, logGamma } from '../../../../src/shared/stats/log-gamma';
import { assertClose } from '../metrics/assert-close';

const rel = (actual: number, expected: number, tol: number, label = ''): void => assertClose(actual, expected, tol * Math.abs(expected), label);

describe('logGamma', () => {
  test('closed forms: Γ(1) = Γ(2) = 1, Γ(1/2) = √π, Γ(5) = 24, Γ(n+1) = n!', () => {
    assertClose(logGamma(1), 0);
    assertClose(logGamma(2), 0);
    assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    assertClose(logGamma(5), Math.log(24), 1e-14);
    assertClose(logGamma(11), Math.log(3628800), 1e-13);
    assertClose(logBinomial(10, 3), Math.log(120), 1e-13);
  });
  test('Python math.lgamma', () => {
    const cases: [number, number][] = [
      [0.25, 1.2880225246980772],
      [3.5, 1.2009736023470738],
      [10.5, 13.940625219403763],
      [100, 359.1342053695754],
      [1234.5, 7550.550901077896],
      [1e5, 1051287.7089736566],
      [1e7, 151180949.3694739],
    ];
    for (const [x, v] of cases) rel(logGamma(x), v, 1e-14, `lgamma(${x})`);
  });
});

describe('regularized incomplete gamma and the chi-square survival function', () => {
  test('closed forms: dof 2 → e^(−x/2); dof 4 → e^(−x/2)(1 + x/2); P + Q = 1', () => {
    for (const x of [0.1, 1, 5, 20, 100]) {
      rel(chiSquareSurvival(x, 2), Math.exp(-x / 2), 1e-13, `dof 2, x ${x}`);
      rel(chiSquareSurvival(x, 4), Math.exp(-x / 2) * (1 + x / 2), 1e-13, `dof 4, x ${x}`);
      assertClose(gammaP(2.5, x) + gammaQ(2.5, x), 1, 1e-14);
    }
    assertClose(chiSquareSurvival(0, 3), 1);
  });
  test('the textbook 5% critical value of χ²(1): scipy chi2.ppf(0.95, 1) = 3.841458820694124', () => {
    assertClose(chiSquareSurvival(3.841458820694124, 1), 0.05, 1e-14);
  });
  test('scipy.stats.chi2.sf', () => {
    const cases: [number, number, number][] = [
      [2.7777777777777777, 2, 0.24935220877729619], // chi2_contingency docs example
      [5.4, 1, 0.02013675155034633],
      [1000, 999, 0.48513148927490146],
      [1200, 999, 1.112935044825893e-5],
      [50, 100, 0.9999930466947524],
      [100, 3, 1.5541594313896026e-21],
      [600, 2, 5.148200222411903e-131],
    ];
    for (const [x, k, v] of cases) rel(chiSquareSurvival(x, k), v, 1e-12, `chi2.sf(${x}, ${k})`);
  });
});

describe('Kolmogorov distributions', () => {
  test('kstwobign.sf: the 5% critical value kolmogi(0.05) = 1.3580986393225507, and scipy values', () => {
    assertClose(kolmogorovSurvival(1.3580986393225507), 0.05, 1e-15);
    assertClose(kolmogorovSurvival(1), 0.26999967167735456, 1e-16);
    assertClose(kolmogorovSurvival(0.5), 0.9639452436648751, 1e-16);
    assertClose(kolmogorovSurvival(2), 0.0006709252557796953, 1e-18);
    assertClose(kolmogorovSurvival(0), 1);
  });
  test('smirnov (one-sided): closed forms and scipy.special.smirnov', () => {
    assertClose(smirnovSurvival(1, 0.3), 0.7); // n = 1: 1 − x
    assertClose(smirnovSurvival(10, 0.95), Math.pow(0.05, 10), 1e-25); // x ≥ 1 − 1/n: (1 − x)^n
    const cases: [number, number, number][] = [
      [5, 0.3, 0.34282],
      [20, 0.1, 0.6290710188849629],
      [1000, 0.05, 0.006506037390545166],
      [50000, 0.01, 4.509024405921801e-5],
      [500000, 0.003, 0.00012316150619593377],
      [500000, 0.01, 3.6873178225417635e-44],
    ];
    // Lower-sum terms in doubles (scipy: double-double): ~1e-9 relative at n = 500,000.
    for (const [n, x, v] of cases) rel(smirnovSurvival(n, x), v, n > 10_000 ? 3e-9 : 1e-12, `smirnov(${n}, ${x})`);
  });
  test('kstwo.sf: Ruben–Gambino closed forms', () => {
    // 1/(2n) < x ≤ 1/n: Pr(Dn ≤ x) = n!/nⁿ (2nx − 1)ⁿ.  n = 4, x = 0.2: 24/256 · 0.6⁴.
    assertClose(kolmogorovNSurvival(4, 0.2), 1 - (24 / 256) * 0.6 ** 4, 1e-15);
    // x ≥ 1 − 1/n: Pr(Dn ≥ x) = 2(1 − x)ⁿ.
    assertClose(kolmogorovNSurvival(5, 0.9), 2 * 0.1 ** 5, 1e-18);
    assertClose(kolmogorovNSurvival(5, 0.05), 1);
    // The Durbin matrix agrees with the closed form too.
    assertClose(1 - kolmogorovNCdfDurbin(4, 0.2), 1 - (24 / 256) * 0.6 ** 4, 1e-14);
  });
  test('kstwo.sf: scipy.stats.kstwo.sf across every method region', () => {
    const cases: [number, number, number][] = [
      [10, 0.35, 0.1339605462624991], // n ≤ 140, Durbin
      [100, 0.05, 0.9532159710635725],
      [100, 0.1, 0.2526927570063874], // scipy: Pomeranz; here Durbin
      [100, 0.2, 0.0005551927327988775], // n ≤ 140, 2·smirnov
      [141, 0.03, 0.9992107601012719], // Durbin (n·x^1.5 ≤ 1.4)
      [141, 0.1, 0.11128445516467933], // Pelz–Good
      [1000, 0.05, 0.013012074781090332], // 2·smirnov
      [50000, 0.0005, 1],
      [50000, 0.003, 0.7579000443487147],
      [500000, 0.0015, 0.21034190155828947],
      [500000, 0.003, 0.00024632301239186754],
    ];
    for (const [n, x, v] of cases) rel(kolmogorovNSurvival(n, x), v, n > 10_000 ? 3e-9 : 1e-10, `kstwo.sf(${x}, ${n})`);
    assertClose(kolmogorovNSurvival(500000, 0.03), 0); // n·x² ≥ 370
  });
});
