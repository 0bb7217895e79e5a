/**
 * Monitoring: per job and per model, what it cost. Jobs (latest first), models (fit time, per-row
 * predict p50/p95 measured on demand, engine bytes), memory (tf.memory() and bytes per resource),
 * the backend in use, and the last errors and warnings. Refreshes every few seconds while shown.
 */
import { useEffect, useState } from 'react';
import type { JobRecord, ModelMonitor, MonitorSnapshot } from '../../engine/api';
import { useMonitor } from '../../state/monitor';

const REFRESH_MS = 3000;

/** "0.041 ms", "12.3 ms", "4.1 s": microseconds shown under 1 ms, where per-row latency lives. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms >= 100 ? Math.round(ms) : ms < 1 ? ms.toFixed(3) : ms.toPrecision(3)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB');
const rate = (perSecond: number) => (Number.isFinite(perSecond) ? `${Math.round(perSecond).toLocaleString('en-US')} rows/s` : '–');

/** Refresh while the panel is mounted and the page is visible: the calls are counts and lists. */
function useRefreshWhileVisible(refresh: () => Promise<void>) {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    tick();
    const timer = window.setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh]);
}

export function MonitoringPanel() {
  const snapshot = useMonitor((s) => s.snapshot);
  const refresh = useMonitor((s) => s.refresh);
  const error = useMonitor((s) => s.error);
  useRefreshWhileVisible(refresh);
  return (
    <section className="panel monitor" aria-label="Monitoring">
      <h3>Monitoring</h3>
      {error ? <p role="alert" className="error small">{error}</p> : null}
      {!snapshot ? <p className="muted small">Reading the engine…</p> : <MonitorTables snapshot={snapshot} />}
    </section>
  );
}

function MonitorTables({ snapshot }: { snapshot: MonitorSnapshot }) {
  return (
    <>
      <ModelsTable models={snapshot.models} />
      <div className="monitor-grid">
        <BackendAndMemory snapshot={snapshot} />
        <div>
          <JobsTable jobs={snapshot.jobs} />
          <ProblemLog snapshot={snapshot} />
        </div>
      </div>
    </>
  );
}

function BackendAndMemory({ snapshot }: { snapshot: MonitorSnapshot }) {
  const { memory, backend } = snapshot;
  return (
    <div className="monitor-block">
      <h4>Backend and memory</h4>
      <p className="small" aria-label="Backend in use">
        Backend in use: <strong>{backend ? backend.active : 'not started'}</strong>
        {backend ? <span className="muted"> (chosen by {backend.chosenBy === 'probe' ? 'measuring each backend' : backend.chosenBy === 'forced' ? 'the page address' : 'you'})</span> : null}
      </p>
      <table className="data-table" aria-label="Memory">
        <tbody>
          <tr><th scope="row">tfjs tensors</th><td>{memory.numTensors.toLocaleString('en-US')}</td></tr>
          <tr><th scope="row">tfjs tensor bytes</th><td>{formatBytes(memory.numBytes)}</td></tr>
          <tr><th scope="row">Engine holds</th><td>{formatBytes(memory.heldBytes)} of {formatBytes(memory.budgetBytes)}</td></tr>
          {memory.resources.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="monitor-indent">{r.label} <span className="muted small">{r.kind}</span></th>
              <td>{formatBytes(r.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ModelsTable({ models }: { models: ModelMonitor[] }) {
  const job = useMonitor((s) => s.job);
  const measure = useMonitor((s) => s.measureLatency);
  const cancel = useMonitor((s) => s.cancel);
  const [rowsText, setRowsText] = useState('200');
  const rows = Number(rowsText);
  const rowsError = Number.isInteger(rows) && rows >= 1 && rows <= 2000 ? null : 'Rows to score: a whole number from 1 to 2000.';
  return (
    <div className="monitor-block">
      <h4>Models</h4>
      {models.length === 0 ? (
        <p className="muted small">No model yet: train one in the Train view and its timings appear here.</p>
      ) : (
        <>
          <label className="small monitor-rows">
            Rows to score <input type="number" min={1} max={2000} value={rowsText} onChange={(e) => setRowsText(e.target.value)} aria-invalid={rowsError !== null} />
          </label>
          {rowsError ? <p role="alert" className="error small">{rowsError}</p> : null}
          <table className="data-table" aria-label="Model timings">
            <thead>
              <tr><th>Model</th><th>Trained on</th><th>Fit</th><th>Train rows</th><th>p50 / row</th><th>p95 / row</th><th>Batch</th><th>Memory</th><th></th></tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.runId}>
                  <th scope="row">{m.label}</th>
                  <td>{m.backend}</td>
                  <td>{formatMs(m.fitMs)}</td>
                  <td>{m.trainRows.toLocaleString('en-US')}</td>
                  <td>{formatMs(m.latency?.perRow.p50)}</td>
                  <td>{formatMs(m.latency?.perRow.p95)}</td>
                  <td title={m.latency ? `${m.latency.rows} rows in ${formatMs(m.latency.batchMs)} on ${m.latency.backend}` : undefined}>{m.latency ? rate(m.latency.batchRowsPerSecond) : '–'}</td>
                  <td>{formatBytes(m.bytes)}</td>
                  <td>
                    <button className="button small" aria-label={`Measure latency of ${m.label}`} disabled={job !== null || rowsError !== null} onClick={() => void measure(m.runId, rows)}>
                      Measure latency
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">Latency: each test row scored alone through the fitted model (one warm-up call not counted), then all of them in one batch.</p>
        </>
      )}
      {job ? (
        <div className="progress-row" aria-live="polite">
          <progress value={job.fraction ?? undefined} max={1} aria-label="Latency measurement progress" />
          <span className="muted small">{job.message}</span>
          <button className="button" onClick={() => void cancel()}>Cancel</button>
        </div>
      ) : null}
    </div>
  );
}

const OUTCOME: Record<JobRecord['outcome'], string> = { running: 'running', ok: 'ok', failed: 'failed', cancelled: 'cancelled' };

function JobsTable({ jobs }: { jobs: JobRecord[] }) {
  return (
    <div className="monitor-block">
      <h4>Jobs</h4>
      {jobs.length === 0 ? (
        <p className="muted small">No job has run yet.</p>
      ) : (
        <div className="monitor-scroll">
          <table className="data-table" aria-label="Jobs">
            <thead>
              <tr><th>Job</th><th>Started</th><th>Duration</th><th>Outcome</th></tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={`${j.id}-${j.startedAt}`}>
                  <th scope="row">{j.kind}{j.label ? <span className="muted"> · {j.label}</span> : null}</th>
                  <td>{time(j.startedAt)}</td>
                  <td>{j.durationMs === null ? '…' : formatMs(j.durationMs)}</td>
                  <td className={`monitor-${j.outcome}`} title={j.message}>{OUTCOME[j.outcome]}{j.outcome === 'failed' && j.reason ? ` (${j.reason})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ProblemLog({ snapshot }: { snapshot: MonitorSnapshot }) {
  return (
    <div className="monitor-block">
      <h4>Errors and warnings</h4>
      {snapshot.log.length === 0 ? (
        <p className="muted small">Nothing has gone wrong.</p>
      ) : (
        <ul className="monitor-log" aria-label="Errors and warnings">
          {snapshot.log.map((e, i) => (
            <li key={`${e.at}-${i}`} className={e.level === 'error' ? 'error' : 'monitor-warning'}>
              <span className="muted">{time(e.at)}</span> <strong>{e.level}</strong> {e.source}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
