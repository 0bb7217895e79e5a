/** The stream's form (dataset, model, time column, window, speed, update policy, drift reference and rule) and Play/Pause/Step/Stop. */
import { useDatasets } from '../../state/datasets';
import { useRuns } from '../../state/runs';
import { useStream } from '../../state/stream';

const hasFilePicker = () => typeof window !== 'undefined' && 'showOpenFilePicker' in window;

export function StreamControls() {
  const form = useStream((s) => s.form);
  const setForm = useStream((s) => s.setForm);
  const state = useStream((s) => s.state);
  const error = useStream((s) => s.error);
  const { start, control, stop, startLive } = useStream.getState();
  const byId = useDatasets((s) => s.byId);
  const order = useDatasets((s) => s.order);
  const runs = useRuns((s) => s.runs);
  const dataset = form.datasetId ? byId[form.datasetId] : null;
  const timeColumns = dataset?.columns.filter((c) => c.kind === 'datetime' || c.kind === 'numeric' || c.kind === 'integer') ?? [];
  const running = state === 'playing' || state === 'paused' || state === 'waiting';

  const pickLive = async () => {
    try {
      const [handle] = await (window as unknown as { showOpenFilePicker(o: object): Promise<FileSystemFileHandle[]> }).showOpenFilePicker({ types: [{ description: 'CSV or JSON Lines', accept: { 'text/plain': ['.csv', '.jsonl', '.ndjson', '.txt'] } }] });
      if (handle) await startLive(handle);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') useStream.setState({ error: `Could not open the file: ${(e as Error).message}` });
    }
  };

  return (
    <div className="panel stream-controls">
      <div className="stream-form">
        <label>
          Dataset to replay
          <select value={form.datasetId ?? ''} disabled={running} onChange={(e) => setForm({ datasetId: e.target.value || null, timeColumn: null })}>
            <option value="">Choose…</option>
            {order.map((id) => (
              <option key={id} value={id}>{byId[id]?.name}</option>
            ))}
          </select>
        </label>
        <label>
          Model (run)
          <select value={form.runId ?? ''} disabled={running} onChange={(e) => setForm({ runId: e.target.value || null })}>
            <option value="">Choose…</option>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>{r.label} ({r.datasetName})</option>
            ))}
          </select>
        </label>
        <label>
          Timestamp column
          <select value={form.timeColumn ?? ''} disabled={running} onChange={(e) => setForm({ timeColumn: e.target.value || null, ...(e.target.value ? {} : { unit: 'rows' }) })}>
            <option value="">Row order</option>
            {timeColumns.map((c) => (
              <option key={c.name} value={c.name}>{c.name}</option>
            ))}
          </select>
        </label>
        <label>
          Window
          <select value={form.windowKind} disabled={running} onChange={(e) => setForm({ windowKind: e.target.value as 'tumbling' | 'sliding' })}>
            <option value="tumbling">tumbling</option>
            <option value="sliding">sliding</option>
          </select>
        </label>
        <label>
          Window size
          <input inputMode="decimal" value={form.size} disabled={running} onChange={(e) => setForm({ size: e.target.value })} />
        </label>
        <label>
          Size in
          <select value={form.unit} disabled={running} onChange={(e) => setForm({ unit: e.target.value as 'rows' | 'time' })}>
            <option value="rows">rows</option>
            <option value="time" disabled={!form.timeColumn}>minutes of event time</option>
          </select>
        </label>
        {form.windowKind === 'sliding' ? (
          <label>
            Step
            <input inputMode="decimal" value={form.step} disabled={running} onChange={(e) => setForm({ step: e.target.value })} />
          </label>
        ) : null}
        <label>
          Speed (rows/s)
          <input inputMode="decimal" placeholder="as fast as possible" value={form.rowsPerSecond} disabled={running} onChange={(e) => setForm({ rowsPerSecond: e.target.value })} />
        </label>
        <label>
          Update the model
          <select value={form.update} disabled={running} onChange={(e) => setForm({ update: e.target.value as typeof form.update })}>
            <option value="every-window">every window</option>
            <option value="on-drift">from the first drift alert on</option>
            <option value="never">never</option>
          </select>
        </label>
        <label>
          Reference (first N windows)
          <input inputMode="numeric" value={form.referenceWindows} disabled={running} onChange={(e) => setForm({ referenceWindows: e.target.value })} />
        </label>
        <label>
          Drift alerts on
          <select
            value={form.driftRule}
            disabled={running}
            title="With windows of thousands of rows, KS and chi-square call tiny shifts significant; PSI measures how large a shift is whatever the window."
            onChange={(e) => setForm({ driftRule: e.target.value as typeof form.driftRule })}
          >
            <option value="psi-or-test">PSI or a test</option>
            <option value="psi">PSI only</option>
          </select>
        </label>
      </div>
      <div className="row-gap">
        <button type="button" className="button" onClick={() => void (running ? control('play') : start())} disabled={state === 'playing' || state === 'waiting'}>Play</button>
        <button type="button" className="button" onClick={() => void control('pause')} disabled={state !== 'playing'}>Pause</button>
        <button type="button" className="button" onClick={() => void (running ? control('step') : start(true).then(() => undefined))} disabled={state === 'playing' || state === 'waiting'}>Step</button>
        <button type="button" className="button" onClick={() => void stop()} disabled={!running}>Stop</button>
        {hasFilePicker() ? (
          <button type="button" className="button" onClick={() => void pickLive()} disabled={running}>Tail a live file…</button>
        ) : (
          <span className="small muted">Tailing a live file needs the File System Access API (showOpenFilePicker), which this browser lacks; Chromium-based browsers (Chrome, Edge) have it. Replaying a loaded dataset works here.</span>
        )}
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
