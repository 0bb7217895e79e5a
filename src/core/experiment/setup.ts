/**
 * Task setup: what the studio proposes once the user picks a target. The task is inferred,
 * features are proposed with a reason for every exclusion, and single-feature leakage is flagged.
 */
import type { Column, ColumnKind, Dataset } from '../frame/types';
import { rocCurve } from '../metrics';
import { encodeTarget, inferTask } from '../prep';
import { detectColumn, PII_KIND_LABELS } from '../privacy/detect';
import type { TaskKind } from '../prep';

export interface FeatureSuggestion {
  name: string;
  kind: ColumnKind;
  include: boolean;
  /** Why it is proposed for exclusion; null when included. */
  reason: string | null;
}

export interface ClassCount {
  label: string;
  count: number;
}

export interface TaskSetup {
  target: string;
  task: TaskKind;
  /** Binary: the minority class by default; every score is P(positive). */
  positiveClass: string | null;
  classes: ClassCount[];
  features: FeatureSuggestion[];
  /** Features that alone predict the target almost perfectly. */
  leakage: { feature: string; score: number; message: string }[];
}

/**
 * Personal data is never a useful, or fair, feature. The detectors (core/privacy) judge content
 * and header; names they have no detector for (addresses, passports) are caught by name here.
 */
const PII_NAME = /(^|_|\b)(ssn|social_security|passport|address|street|national_id|tax_id)($|_|\b)/i;
const LEAKAGE_THRESHOLD = 0.98;
/** Below this the finding is a question on the Data view, not a reason to untick the column. */
const PII_EXCLUDE_CONFIDENCE = 0.5;

function looksLikePii(column: Column, rowCount: number): string | null {
  const finding = detectColumn(column, rowCount);
  if (finding && finding.confidence >= PII_EXCLUDE_CONFIDENCE) return `looks like personal data (${PII_KIND_LABELS[finding.kind]} · ${Math.round(finding.confidence * 100)}%)`;
  if (PII_NAME.test(column.name)) return `looks like personal data (the name "${column.name}")`;
  return null;
}

function topShare(column: Column): { share: number; distinct: number } {
  const counts = new Map<number, number>();
  let present = 0;
  const n = column.storage === 'number' ? column.values.length : column.codes.length;
  for (let r = 0; r < n; r++) {
    const v = column.storage === 'number' ? column.values[r] : column.codes[r];
    if (column.storage === 'number' ? Number.isNaN(v) : v < 0) continue;
    present++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return { share: present === 0 ? 1 : top / present, distinct: counts.size };
}

export function suggestFeatures(ds: Dataset, target: string): FeatureSuggestion[] {
  return ds.columns
    .filter((c) => c.name !== target)
    .map((c) => {
      // Personal data first: "email" is also an identifier, but privacy is the reason that matters.
      let reason: string | null = looksLikePii(c, ds.rowCount);
      if (!reason && c.kind === 'identifier') reason = 'identifier: unique per row, carries no pattern';
      if (!reason) {
        const { share, distinct } = topShare(c);
        if (distinct <= 1) reason = 'constant: one value only';
        else if (share > 0.99) reason = `near-constant: ${(share * 100).toFixed(1)}% of rows share one value`;
      }
      return { name: c.name, kind: c.kind, include: reason === null, reason };
    });
}

/** Score in [0.5, 1] of one feature alone: AUC of its value, or of its category's target rate. */
function singleFeatureAuc(column: Column, y: Float32Array, rows: Int32Array): number | null {
  const labels: number[] = [];
  const scores: number[] = [];
  if (column.storage === 'number') {
    for (const r of rows) {
      const v = column.values[r];
      if (!Number.isNaN(v)) (labels.push(y[r]), scores.push(v));
    }
  } else {
    if (column.kind === 'text' || column.dictionary.length > 50) return null;
    const pos = new Float64Array(column.dictionary.length + 1);
    const all = new Float64Array(column.dictionary.length + 1);
    for (const r of rows) {
      const c = column.codes[r] + 1;
      all[c]++;
      pos[c] += y[r];
    }
    for (const r of rows) {
      const c = column.codes[r] + 1;
      labels.push(y[r]);
      scores.push(pos[c] / all[c]);
    }
  }
  if (labels.length < 10) return null;
  const auc = rocCurve(labels, scores).auc;
  return auc == null || Number.isNaN(auc) ? null : Math.max(auc, 1 - auc);
}

function correlation(column: Column, y: Float32Array, rows: Int32Array): number | null {
  if (column.storage !== 'number') return null;
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (const r of rows) {
    const x = column.values[r];
    if (Number.isNaN(x)) continue;
    n++; sx += x; sy += y[r]; sxx += x * x; syy += y[r] * y[r]; sxy += x * y[r];
  }
  if (n < 10) return null;
  const cov = sxy / n - (sx / n) * (sy / n);
  const vx = sxx / n - (sx / n) ** 2;
  const vy = syy / n - (sy / n) ** 2;
  return vx > 0 && vy > 0 ? Math.abs(cov / Math.sqrt(vx * vy)) : null;
}

export function setupTask(ds: Dataset, target: string, override?: { task?: TaskKind; positiveClass?: string }): { ok: true; value: TaskSetup } | { ok: false; error: { message: string } } {
  const column = ds.columns.find((c) => c.name === target);
  if (!column) return { ok: false, error: { message: `There is no column named "${target}".` } };
  const inferred = inferTask(column);
  const task = override?.task ?? inferred.task;
  const positive = task === 'binary' ? (override?.positiveClass ?? inferred.positiveClass) : undefined;
  const encoded = encodeTarget(ds, { column: target, task, positiveClass: positive });
  if (!encoded.ok) return encoded;
  const { y, classes, rowsWithTarget } = encoded.value;
  const counts = new Array(classes.length).fill(0);
  if (task !== 'regression') for (const r of rowsWithTarget) counts[y[r]]++;
  const features = suggestFeatures(ds, target);
  const leakage: TaskSetup['leakage'] = [];
  for (const f of features) {
    if (!f.include) continue;
    const col = ds.columns.find((c) => c.name === f.name)!;
    const score = task === 'binary' ? singleFeatureAuc(col, y, rowsWithTarget) : task === 'regression' ? correlation(col, y, rowsWithTarget) : null;
    if (score != null && score >= LEAKAGE_THRESHOLD) {
      const what = task === 'binary' ? `AUC ${score.toFixed(3)}` : `|correlation| ${score.toFixed(3)}`;
      leakage.push({ feature: f.name, score, message: `"${f.name}" alone predicts "${target}" almost perfectly (${what}). Is it only known after the outcome? If so, exclude it.` });
    }
  }
  return {
    ok: true,
    value: {
      target,
      task,
      positiveClass: task === 'binary' ? classes[1] : null,
      classes: classes.map((label, i) => ({ label, count: counts[i] ?? 0 })),
      features,
      leakage,
    },
  };
}
