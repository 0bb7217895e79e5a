/**
 * The two tail probabilities the drift tests need: the Kolmogorov distribution's survival
 * function (the two-sample KS test's asymptotic p-value) and chi-square's (the regularized upper
 * incomplete gamma function). Plain float64 maths, accurate to about 1e-14 relative.
 */

/**
 * P(K > x) for the Kolmogorov distribution (scipy's kstwobign.sf). Two series, each used where it
 * converges in a few terms: 2 sum (-1)^(k-1) exp(-2 k^2 x^2) for x >= 1, and
 * 1 - sqrt(2 pi) / x sum exp(-(2k-1)^2 pi^2 / (8 x^2)) below.
 */
export function kolmogorovSurvival(x: number): number {
  if (!(x > 0)) return 1;
  if (x < 1) {
    let sum = 0;
    for (let k = 1; k <= 20; k++) {
      const term = Math.exp(-((2 * k - 1) ** 2) * Math.PI ** 2 / (8 * x * x));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / x) * sum;
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17 * Math.abs(sum)) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Gamma(a) for a > 0 (Lanczos, g = 7). */
export function logGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const z = a - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Q(a, x) = Gamma(a, x) / Gamma(a): series below a + 1, Lentz's continued fraction above. */
export function upperGammaRegularized(a: number, x: number): number {
  if (!(x > 0)) return 1;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** P(X > x) for X chi-square with `dof` degrees of freedom. */
export function chiSquareSurvival(x: number, dof: number): number {
  return dof > 0 ? upperGammaRegularized(dof / 2, x / 2) : 1;
}
