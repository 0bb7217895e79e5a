/**
 * Regression metrics matching scikit-learn 1.2.1: sqrt(mean_squared_error),
 * mean_absolute_error, r2_score, median_absolute_error, explained_variance_score.
 */

export interface RegressionMetrics {
  rmse: number;
  mae: number;
  /**
   * 1 - SS_res / SS_tot. With constant truth (SS_tot = 0) it is 1 for a perfect
   * fit and 0 otherwise, as scikit-learn's force_finite=True; a note says so.
   */
  r2: number;
  medianAbsoluteError: number;
  /** 1 - Var(y - yhat) / Var(y), same constant-truth rule as r2. */
  explainedVariance: number;
  n: number;
  /** Sentences for the UI on anything degenerate. */
  notes: string[];
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const n = yTrue.length;
  if (yPred.length !== n) throw new RangeError(`truth (${n}) and predictions (${yPred.length}) differ in length`);
  if (n === 0) throw new RangeError('no samples to score');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(yTrue[i]) || !Number.isFinite(yPred[i])) {
      throw new RangeError(`row ${i} holds a value that is not a finite number`);
    }
  }

  let meanTrue = 0, meanResidual = 0;
  for (let i = 0; i < n; i++) {
    meanTrue += yTrue[i];
    meanResidual += yTrue[i] - yPred[i];
  }
  meanTrue /= n;
  meanResidual /= n;

  let ssRes = 0, sumAbs = 0, ssTot = 0, ssResCentered = 0;
  const absErrors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = yTrue[i] - yPred[i];
    ssRes += r * r;
    absErrors[i] = Math.abs(r);
    sumAbs += absErrors[i];
    ssTot += (yTrue[i] - meanTrue) ** 2;
    ssResCentered += (r - meanResidual) ** 2;
  }

  const notes: string[] = [];
  if (ssTot === 0) {
    notes.push('The true values are all equal: R² and explained variance are 1 for an exact fit and 0 otherwise.');
  }
  // median() sorts absErrors in place; the largest errors are then its tail.
  const medianAbsoluteError = median(absErrors);
  const few = fewRowsDominate(absErrors, ssRes);
  if (few) {
    notes.push(
      `The ${few.rows === 1 ? 'largest error' : `${few.rows} largest errors`} (${few.rows === 1 ? 'one row' : `${few.rows} rows`} of ${n.toLocaleString('en')}) make ${Math.round(few.share * 100)}% of the squared error, so RMSE and R² mostly measure ${few.rows === 1 ? 'that row' : 'those rows'}; the median absolute error is the typical miss. Unusual inputs in those rows are the usual cause: see Largest errors below, or cap outliers in Clean.`,
    );
  }
  return {
    rmse: Math.sqrt(ssRes / n),
    mae: sumAbs / n,
    r2: finiteScore(ssRes, ssTot),
    medianAbsoluteError,
    explainedVariance: finiteScore(ssResCentered, ssTot),
    n,
    notes,
  };
}

/**
 * Whether the largest 1% of errors (at least one row, from 20 rows) make half the squared error or
 * more: then RMSE and R² describe a handful of rows, not the model's typical miss.
 */
function fewRowsDominate(sortedAbsErrors: Float64Array, ssRes: number): { rows: number; share: number } | null {
  const n = sortedAbsErrors.length;
  if (n < 20 || !(ssRes > 0)) return null;
  const rows = Math.max(1, Math.floor(n / 100));
  let top = 0;
  for (let i = n - rows; i < n; i++) top += sortedAbsErrors[i] ** 2;
  const share = top / ssRes;
  return share >= 0.5 ? { rows, share } : null;
}

/** 1 - num / den, with scikit-learn's force_finite rule when den = 0. */
function finiteScore(num: number, den: number): number {
  if (den !== 0) return 1 - num / den;
  return num === 0 ? 1 : 0;
}

/** Median as numpy: mean of the two middle values for an even count. Sorts v in place. */
function median(v: Float64Array): number {
  v.sort();
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h] : (v[h - 1] + v[h]) / 2;
}
