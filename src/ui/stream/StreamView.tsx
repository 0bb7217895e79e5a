/**
 * Stream replay: a loaded dataset (or a live file) replayed through windows against a trained
 * model, frozen beside a copy updated online; prequential metric, drift per feature, DDM, alerts.
 */
import { useRuns } from '../../state/runs';
import { PSI_WARN } from '../../core/stream/drift';
import { useStream } from '../../state/stream';
import { StreamChart } from './StreamChart';
import { DriftTable } from './DriftTable';
import { StreamControls } from './StreamControls';

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));

export function StreamView() {
  const runs = useRuns((s) => s.runs);
  const runId = useStream((s) => s.form.runId);
  const run = runs.find((r) => r.id === runId) ?? null;
  const metric = run?.config.task === 'regression' ? 'RMSE' : run?.config.task === 'multiclass' ? 'accuracy' : 'AUC';
  return (
    <section aria-label="Stream replay" className="stream-view">
      <h2>Stream replay</h2>
      <p className="muted small">Replays a time-ordered dataset (or a file another program appends to) window by window. Each window is scored first by the frozen model and a copy updated online, and only then learned from (test, then train). Nothing leaves this device.</p>
      <StreamControls />
      <StreamStatus metric={metric} classes={run?.classes ?? []} />
      <div className="stream-grid">
        <div className="panel">
          <h3>Prequential {metric}: frozen vs updated</h3>
          <StreamChart metric={metric} />
        </div>
        <div className="panel drift-panel">
          <h3>Drift per feature, latest window</h3>
          <DriftTable />
        </div>
      </div>
      <AlertList />
    </section>
  );
}

function StreamStatus({ metric, classes }: { metric: string; classes: string[] }) {
  const { state, windowsDone, totalWindows, rowsDone, totalRows, throughput, latest, updates, source, tail, alerts } = useStream();
  // DDM starts over after a drift, so "in-control" then means "no new change since": say so, or a
  // 95% error rate next to "in-control" reads as a contradiction.
  const lastDdmDrift = alerts.findLast((a) => a.kind === 'ddm-drift');
  if (state === 'idle') return null;
  const key = metric === 'RMSE' ? 'rmse' : metric === 'accuracy' ? 'accuracy' : 'auc';
  const fraction = totalRows ? rowsDone / totalRows : null;
  return (
    <div className="panel stream-status" role="status" aria-label="Stream status">
      <div className="row-between">
        <span>
          <strong>{state === 'waiting' ? 'waiting for new lines' : state}</strong> · window {windowsDone}
          {totalWindows !== null ? ` of ${totalWindows}` : ''} · {rowsDone.toLocaleString()} rows · {Math.round(throughput).toLocaleString()} rows/s · {updates} updates
        </span>
        <span>
          last window {metric}: frozen <strong>{fmt(latest?.frozen[key])}</strong> · updated <strong>{fmt(latest?.updated[key])}</strong>
        </span>
      </div>
      {latest ? (
        <p className="small muted">
          DDM (frozen model): {latest.ddmLevel} · error rate {pct(latest.ddm.errorRate)} (lowest {pct(latest.ddm.minErrorRate)}) over {latest.ddm.rows.toLocaleString()} rows since {latest.ddm.drifts === 0 ? 'the start' : `it raised a drift${lastDdmDrift ? ` in window ${lastDdmDrift.window + 1}` : ''} and started over`}
          {latest.classBalance.length > 0 ? ` · class balance in the last window: ${latest.classBalance.map((share, i) => `${classes[i] ?? i} ${pct(share)}`).join(', ')}` : ''}
        </p>
      ) : null}
      {fraction !== null ? <progress max={1} value={fraction} aria-label="Replay progress" /> : null}
      {source === 'live' && tail ? <p className="small muted">Tailing {tail.name}: {tail.bytes.toLocaleString()} bytes read; new lines are read every 2 seconds.</p> : null}
    </div>
  );
}

function AlertList() {
  const alerts = useStream((s) => s.alerts);
  const rule = useStream((s) => s.driftSettings.rule);
  // Alerts the test raised on shifts PSI calls small: with windows of thousands of rows that is
  // expected (a test at p < 0.01 per feature and window), so say what would quiet them.
  const testOnly = rule === 'psi-or-test' ? alerts.filter((a) => a.kind === 'feature-drift' && a.psi !== undefined && a.psi < PSI_WARN).length : 0;
  return (
    <div className="panel" role="region" aria-label="Alerts">
      <h3>Alerts ({alerts.length})</h3>
      {alerts.length > 0 ? <p className="small">First drift alert in window {alerts[0].window + 1}; newest first below.</p> : null}
      {testOnly > 0 ? (
        <p className="small banner banner-warn">
          {testOnly} of these {testOnly === 1 ? 'was' : 'were'} raised by the test alone on a shift PSI calls small (under {PSI_WARN}): large windows make tests call tiny shifts significant. For fewer false alarms, alert on “PSI only” or use a longer reference.
        </p>
      ) : null}
      {alerts.length === 0 ? (
        <p className="small muted">None yet. A feature alerts at PSI ≥ 0.25{rule === 'psi-or-test' ? ' or a test p-value below 0.01' : ''} (PSI ≥ 0.1 warns); the model alerts when DDM sees its error rate drift (p + s ≥ pmin + 3 smin).</p>
      ) : (
        <ul className="stream-alerts">
          {alerts.slice(-30).reverse().map((a, i) => (
            <li key={`${a.window}-${a.kind}-${a.feature}-${i}`}>
              <span className="badge badge-alert">{a.kind === 'feature-drift' ? 'drift' : 'DDM'}</span> window {a.window + 1}: {a.message}
            </li>
          ))}
        </ul>
      )}
      <KeepButton />
    </div>
  );
}

function KeepButton() {
  const updates = useStream((s) => s.updates);
  const kept = useStream((s) => s.kept);
  const keep = useStream((s) => s.keep);
  const streamId = useStream((s) => s.streamId);
  return (
    <div className="row-gap">
      <button type="button" className="button" disabled={!streamId || updates === 0} onClick={() => void keep()}>
        Keep updated model
      </button>
      {kept ? <span className="small" role="status">Kept as {kept}; it is listed with the runs (Evaluate, Models).</span> : null}
    </div>
  );
}
