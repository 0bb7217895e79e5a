/**
 * Anomalies: an isolation forest on chosen columns (run in the engine worker, with progress and
 * cancel), the histogram of scores with the threshold, the top anomalies with why, and "Exclude
 * from training", which adds the exclude-anomalies step to the dataset's recipe draft.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AnomalyRequest, ColumnKind } from '../../../engine/api';
import { useAnomaly } from '../../../state/anomaly';
import { useDatasets } from '../../../state/datasets';
import { ChartTable } from '../../charts/ChartTable';
import { SaveChart } from '../../charts/SaveChart';
import { AnomalyTable } from './AnomalyTable';
import { ScoreHistogram } from './ScoreHistogram';

/** Kinds the forest can use; numbers are proposed, categories (by code) and dates are opt-in. */
const USABLE: ColumnKind[] = ['numeric', 'integer', 'datetime', 'boolean', 'categorical'];
const PROPOSED: ColumnKind[] = ['numeric', 'integer'];
const TOP_N = 20;

interface FormText {
  nTrees: string;
  sampleSize: string;
  seed: string;
  cut: 'contamination' | 'threshold';
  percent: string;
  score: string;
}

const DEFAULT_FORM: FormText = { nTrees: '100', sampleSize: '256', seed: '42', cut: 'contamination', percent: '1', score: '0.6' };

/** The form as a request, or a message naming the field to fix (the typed text is kept either way). */
function parseForm(form: FormText, columns: string[]): { ok: true; request: AnomalyRequest } | { ok: false; message: string } {
  if (columns.length === 0) return { ok: false, message: 'Choose at least one column to look for anomalies in.' };
  const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  const nTrees = whole(form.nTrees);
  if (!(nTrees >= 1 && nTrees <= 1000)) return { ok: false, message: `Number of trees: "${form.nTrees}" is not a whole number from 1 to 1000.` };
  const sampleSize = whole(form.sampleSize);
  if (!(sampleSize >= 2)) return { ok: false, message: `Sample size: "${form.sampleSize}" is not a whole number of at least 2 rows.` };
  const seed = whole(form.seed);
  if (!Number.isFinite(seed)) return { ok: false, message: `Seed: "${form.seed}" is not a whole number.` };
  const base = { columns, nTrees, sampleSize, seed, topN: TOP_N };
  if (form.cut === 'contamination') {
    const percent = Number(form.percent);
    if (form.percent.trim() === '' || !(percent > 0 && percent <= 50)) return { ok: false, message: `Contamination: "${form.percent}" is not a percentage above 0 and at most 50.` };
    return { ok: true, request: { ...base, cut: { kind: 'contamination', share: percent / 100 } } };
  }
  const score = Number(form.score);
  if (form.score.trim() === '' || !(score > 0 && score < 1)) return { ok: false, message: `Score threshold: "${form.score}" is not a number between 0 and 1.` };
  return { ok: true, request: { ...base, cut: { kind: 'threshold', score } } };
}

export function AnomalyPanel({ datasetId }: { datasetId: string }) {
  const profile = useDatasets((s) => s.byId[datasetId]);
  const result = useAnomaly((s) => s.results[datasetId]);
  const job = useAnomaly((s) => s.job);
  const error = useAnomaly((s) => s.errors[datasetId]);
  const added = useAnomaly((s) => s.added[datasetId]);
  const run = useAnomaly((s) => s.run);
  const cancel = useAnomaly((s) => s.cancel);
  const exclude = useAnomaly((s) => s.excludeFromTraining);
  const usable = useMemo(() => (profile?.columns ?? []).filter((c) => USABLE.includes(c.kind)), [profile]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form, setForm] = useState<FormText>(DEFAULT_FORM);
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => setChosen(usable.filter((c) => PROPOSED.includes(c.kind)).map((c) => c.name)), [usable]);
  if (!profile) return null;
  const running = job !== null && job.datasetId === datasetId;
  const busy = job !== null;
  const edit = (patch: Partial<FormText>) => setForm((f) => ({ ...f, ...patch }));
  const toggle = (name: string, on: boolean) => setChosen((c) => (on ? usable.map((u) => u.name).filter((n) => n === name || c.includes(n)) : c.filter((n) => n !== name)));
  const submit = () => {
    const parsed = parseForm(form, chosen);
    setFormError(parsed.ok ? null : parsed.message);
    if (parsed.ok) void run(datasetId, parsed.request);
  };
  const hidden = profile.columns.length - usable.length;

  return (
    <section className="panel" aria-label="Anomalies">
      <h3>Anomalies</h3>
      <p className="muted small">
        An isolation forest isolates each row with random splits; rows isolated in few splits score near 1. Missing numbers take the column median; categories are used by code.
        {hidden > 0 ? ` ${hidden} text or identifier column${hidden === 1 ? ' is' : 's are'} not offered.` : ''}
      </p>
      <fieldset className="anomaly-columns" disabled={busy}>
        <legend>Columns</legend>
        {usable.map((c) => (
          <label key={c.name}>
            <input type="checkbox" checked={chosen.includes(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
            {c.name} <span className="muted small">{c.kind}</span>
          </label>
        ))}
      </fieldset>
      <div className="anomaly-form">
        <label>
          Number of trees
          <input type="number" min={1} max={1000} value={form.nTrees} onChange={(e) => edit({ nTrees: e.target.value })} disabled={busy} />
        </label>
        <label>
          Sample size
          <input type="number" min={2} value={form.sampleSize} onChange={(e) => edit({ sampleSize: e.target.value })} disabled={busy} title="Rows drawn for each tree (scikit-learn's max_samples)" />
        </label>
        <fieldset className="anomaly-cut" disabled={busy}>
          <legend>Flag</legend>
          <label className="radio">
            <input type="radio" name={`cut-${datasetId}`} checked={form.cut === 'contamination'} onChange={() => edit({ cut: 'contamination' })} />
            top share
          </label>
          <label className="radio">
            <input type="radio" name={`cut-${datasetId}`} checked={form.cut === 'threshold'} onChange={() => edit({ cut: 'threshold' })} />
            above a score
          </label>
        </fieldset>
        {form.cut === 'contamination' ? (
          <label>
            Contamination %
            <input type="text" inputMode="decimal" value={form.percent} onChange={(e) => edit({ percent: e.target.value })} disabled={busy} />
          </label>
        ) : (
          <label>
            Score threshold
            <input type="text" inputMode="decimal" value={form.score} onChange={(e) => edit({ score: e.target.value })} disabled={busy} />
          </label>
        )}
        <label>
          Seed
          <input type="number" value={form.seed} onChange={(e) => edit({ seed: e.target.value })} disabled={busy} />
        </label>
        {running ? (
          <button className="button" onClick={() => void cancel()}>Cancel</button>
        ) : (
          <button className="button primary" onClick={submit} disabled={busy}>Find anomalies</button>
        )}
      </div>
      {running ? (
        <div className="progress-row" aria-live="polite">
          <progress value={job.fraction ?? undefined} max={1} aria-label="Anomaly detection progress" />
          <span className="muted small">{job.message}</span>
        </div>
      ) : null}
      {formError ? <p role="alert" className="error small">{formError}</p> : null}
      {error ? <p role="alert" className="error small">{error}</p> : null}
      {result ? <AnomalyResultView datasetId={datasetId} onExclude={() => exclude(datasetId)} added={added} /> : null}
    </section>
  );
}

function AnomalyResultView({ datasetId, onExclude, added }: { datasetId: string; onExclude(): void; added: string | undefined }) {
  const result = useAnomaly((s) => s.results[datasetId]);
  const cut = result.spec.cut.kind === 'contamination' ? `top ${+(result.spec.cut.share * 100).toFixed(2)}%` : `score above ${result.spec.cut.score}`;
  const filled = result.used.filter((c) => c.filled > 0);
  return (
    <div className="anomaly-grid">
      <p className="small">
        <strong>{result.flagged.toLocaleString('en-US')}</strong> of {result.rowCount.toLocaleString('en-US')} rows flagged ({cut}, threshold {result.threshold.toFixed(3)}) · {result.spec.nTrees} trees of {result.sampleSize} rows, seed {result.spec.seed} · on {result.used.map((c) => c.name).join(', ')}
        {filled.length ? ` · filled ${filled.map((c) => `${c.filled} missing ${c.name}`).join(', ')}` : ''}
        {result.excluded.length ? ` · not used: ${result.excluded.map((c) => `${c.name} (${c.why})`).join('; ')}` : ''}
      </p>
      <div>
        <SaveChart heading="Anomaly scores" label="anomaly score histogram" file="anomaly-scores">
          <ScoreHistogram bins={result.bins} threshold={result.threshold} flagged={result.flagged} rows={result.rowCount} />
        </SaveChart>
        <ChartTable caption="Anomaly scores" columns={['from', 'to', 'rows', 'above threshold']} rows={result.bins.map((b) => [b.from, b.to, b.count, b.flagged])} />
      </div>
      <div>
        <div className="row-between">
          <h3>Top anomalies</h3>
          <button className="button primary" onClick={onExclude} disabled={result.flagged === 0}>Exclude from training</button>
        </div>
        {added ? <p className="anomaly-note small" role="status">{added}</p> : null}
        <AnomalyTable result={result} />
      </div>
    </div>
  );
}
