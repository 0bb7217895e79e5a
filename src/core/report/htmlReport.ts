/**
 * The run report a person reads: one self-contained HTML file (data, settings, metrics, charts as
 * inline SVG) that prints to PDF from the browser. No script, no external link: its own
 * Content-Security-Policy forbids both, so opening it reaches nothing. The numbers are the report
 * JSON's (runReport), at the same threshold, so the two never disagree.
 */
import { runReport, type RunReport } from '../experiment/exports';
import type { Experiment } from '../experiment/run';
import { escapeXml, svgChart } from './svgChart';

export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#f97316'];

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(4)));
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ${show(v)}`).join(', ');
  return String(value);
}

function table(rows: [string, unknown][]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeXml(k)}</th><td>${escapeXml(show(v))}</td></tr>`).join('')}</table>`;
}

function confusionTable(report: RunReport): string {
  const c = report.confusionMatrix as { labels: string[]; tp?: number; fp?: number; tn?: number; fn?: number; matrix?: number[][] } | null;
  if (!c) return '';
  const matrix = c.matrix ?? [[c.tn!, c.fp!], [c.fn!, c.tp!]];
  const head = `<tr><th>true ↓ / predicted →</th>${c.labels.map((l) => `<th scope="col">${escapeXml(l)}</th>`).join('')}</tr>`;
  const body = matrix.map((row, i) => `<tr><th scope="row">${escapeXml(c.labels[i])}</th>${row.map((v) => `<td>${v.toLocaleString('en-US')}</td>`).join('')}</tr>`).join('');
  const at = report.threshold !== null ? ` at threshold ${report.threshold}` : '';
  return `<h2>Confusion matrix (test split${at})</h2><table class="confusion">${head}${body}</table>`;
}

/** Every chart of the run, as SVG text. */
export function reportCharts(run: Experiment, report: RunReport): string[] {
  const e = run.evaluation;
  const charts: string[] = [];
  if (e.task === 'binary') {
    const c = report.confusionMatrix as { tp: number; fp: number; tn: number; fn: number };
    const fpr = c.fp + c.tn > 0 ? c.fp / (c.fp + c.tn) : 0;
    const tpr = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
    const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
    const unit: [number, number] = [0, 1];
    charts.push(svgChart({ title: `ROC curve · AUC ${show(e.metrics.auc)}`, xLabel: 'false positive rate', yLabel: 'true positive rate', series: [{ name: 'ROC', ...e.roc, color: COLORS[0] }], xDomain: unit, yDomain: unit, reference: { kind: 'diagonal' }, marker: { x: fpr, y: tpr } }));
    charts.push(svgChart({ title: `Precision–recall · AP ${show(e.metrics.averagePrecision)}`, xLabel: 'recall', yLabel: 'precision', series: [{ name: 'PR', ...e.pr, color: COLORS[1] }], xDomain: unit, yDomain: unit, reference: { kind: 'level', y: e.prevalence }, marker: precision === null ? null : { x: tpr, y: precision } }));
  } else if (e.task === 'multiclass') {
    charts.push(svgChart({ title: 'One-vs-rest ROC', xLabel: 'false positive rate', yLabel: 'true positive rate', series: e.rocPerClass.map((c, i) => ({ name: `${c.label} (AUC ${show(c.auc)})`, ...c.curve, color: COLORS[i % COLORS.length] })), xDomain: [0, 1], yDomain: [0, 1], reference: { kind: 'diagonal' } }));
  } else {
    charts.push(svgChart({ title: 'Predicted vs actual (test split)', xLabel: 'actual', yLabel: 'predicted', series: [{ name: 'rows', ...e.scatter, color: COLORS[0], points: true }], reference: { kind: 'diagonal' } }));
    charts.push(svgChart({ title: 'Residuals vs predicted', xLabel: 'predicted', yLabel: 'actual − predicted', series: [{ name: 'rows', ...e.residuals, color: COLORS[1], points: true }], reference: { kind: 'level', y: 0 } }));
  }
  const steps = run.history.map((h) => h.step);
  const valid = (v: number) => (Number.isFinite(v) ? v : null);
  charts.push(svgChart({ title: `Training history (loss per ${run.progress === 'rounds' ? 'round' : 'epoch'})`, xLabel: run.progress === 'rounds' ? 'round' : 'epoch', yLabel: 'loss', series: [{ name: 'train', x: steps, y: run.history.map((h) => valid(h.trainLoss)), color: COLORS[0] }, { name: 'validation', x: steps, y: run.history.map((h) => valid(h.valLoss)), color: COLORS[3] }] }));
  return charts;
}

export function htmlReport(run: Experiment, meta: { runId: string; dataset: string; backend: string; createdAt: string }, threshold?: number): string {
  const report = runReport(run, meta, threshold);
  const c = report.config;
  const { kind, ...settings } = c.model as { kind: string } & Record<string, unknown>;
  const metrics = Object.entries(report.metrics as Record<string, unknown>).filter(([k, v]) => k !== 'split' && k !== 'perClass' && k !== 'notes' && (typeof v === 'number' || v === null));
  const notes = (report.metrics as { notes?: string[]; aucNote?: string | null }).notes ?? [];
  const title = `Loupe run report · ${report.runId} · ${report.dataset}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">
<title>${escapeXml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2330; max-width: 960px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 24px; border-bottom: 1px solid #e3e6ee; }
table { border-collapse: collapse; margin: 8px 0; } th, td { text-align: left; padding: 3px 12px 3px 0; vertical-align: top; }
th { font-weight: 600; color: #444; } table.confusion td, table.confusion th { border: 1px solid #e3e6ee; padding: 4px 10px; text-align: right; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; } .charts svg { border: 1px solid #e3e6ee; break-inside: avoid; }
.muted { color: #667; font-size: 12px; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="muted">Finished ${escapeXml(report.createdAt)} on the ${escapeXml(report.backend)} backend. This file holds summaries of the run only (counts, metrics, curve points), no rows of the data. Print it to save a PDF.</p>
<h2>Data</h2>
${table([['file', report.dataset], ['target', c.target], ['task', c.task], ['positive class', report.positiveClass], ['classes', report.classes.length ? report.classes : null], ['rows', report.rows], ['features', `${c.features.length}: ${c.features.join(', ')}`]])}
<h2>Settings</h2>
${table([['model', kind], ...Object.entries(settings), ['seed', c.seed], ['split (train / val / test)', `${c.split.train} / ${c.split.val} / ${c.split.test}`], ...(report.threshold !== null ? ([['decision threshold', report.threshold]] as [string, unknown][]) : []), ...(c.imbalance ? ([['imbalance', c.imbalance]] as [string, unknown][]) : []), ...(c.augment ? ([['augmentation', c.augment]] as [string, unknown][]) : []), ['training', `${report.history.length} ${report.progress}${report.stoppedEarly ? ', stopped early' : ''}, kept ${report.progress === 'rounds' ? 'round' : 'epoch'} ${report.bestStep}`], ['train time', `${(report.timings.trainMs / 1000).toFixed(1)} s`]])}
<h2>Metrics (test split${report.threshold !== null ? `, threshold ${report.threshold}` : ''})</h2>
${table(metrics)}
${notes.length ? `<p class="muted">${escapeXml(notes.join(' '))}</p>` : ''}
${confusionTable(report)}
<h2>Charts</h2>
<div class="charts">
${reportCharts(run, report).join('\n')}
</div>
</body>
</html>
`;
}
