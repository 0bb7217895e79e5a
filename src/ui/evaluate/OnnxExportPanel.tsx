/**
 * Before an ONNX download: what the file holds, its inputs, and for each weight precision the file
 * size and the test-split metric change measured by scoring with the stored (de-quantised) weights.
 */
import type { Precision } from '../../engine/api';
import { useOnnxExport } from '../../state/onnxExport';
import { useRuns } from '../../state/runs';

const PRECISION_WORDS: Record<Precision, string> = {
  float32: 'float32 (as trained)',
  float16: 'float16 (half precision)',
  int8: 'int8 (per-tensor affine)',
};

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function signed(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const s = Math.abs(v) < 1e-4 ? v.toExponential(1) : v.toFixed(4);
  return v > 0 ? `+${s}` : s;
}

export function OnnxExportPanel() {
  const open = useOnnxExport((s) => s.open);
  const runId = useOnnxExport((s) => s.runId);
  const offer = useOnnxExport((s) => s.offer);
  const loading = useOnnxExport((s) => s.loading);
  const precision = useOnnxExport((s) => s.precision);
  const error = useOnnxExport((s) => s.error);
  const choose = useOnnxExport((s) => s.choose);
  const download = useOnnxExport((s) => s.download);
  const selected = useRuns((s) => s.selectedRunId);
  if (!open || runId !== selected) return null;
  return (
    <div className="panel onnx-panel" role="region" aria-label="ONNX export">
      <h2>Download as ONNX</h2>
      {loading ? <p className="muted">Measuring each precision on the test split…</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {offer?.unavailable ? <p className="banner banner-warn">{offer.unavailable}</p> : null}
      {offer && !offer.unavailable ? (
        <>
          {offer.holds === 'trees' ? (
            <p className="small">
              One .onnx file with the trees (ai.onnx.ml TreeEnsembleRegressor) and their preprocessing (category labels to their codes, date parts), so it scores raw rows in onnxruntime or any ONNX runtime. It
              holds the split thresholds, leaf values and the kept category labels taken from your training data; no data rows. Trees are written at float32 only: a rounded threshold would
              send rows down other branches. Inputs, one <code>[N, 1]</code> tensor each:
            </p>
          ) : (
            <p className="small">
              One .onnx file with the model and its preprocessing (impute, standardise, one-hot, date parts), so it scores raw rows in onnxruntime or any ONNX runtime. It holds the weights, the medians, means
              and scales, and the kept category labels taken from your training data; no data rows. Inputs, one <code>[N, 1]</code> tensor each:
            </p>
          )}
          <ul className="small">
            {offer.inputs.map((i) => (
              <li key={i.name}>
                <code>{i.name}</code> {i.type === 'string' ? 'string (empty = missing)' : i.type === 'double' ? 'double: the date as epoch milliseconds, UTC (NaN = missing)' : 'float (NaN = missing)'}
              </li>
            ))}
          </ul>
          <p className="small">
            Output <code>{offer.output.name}</code>, <code>[N, {offer.output.width}]</code>. See docs/formats.md, “ONNX export”.
          </p>
          <table className="data-table" aria-label="ONNX precisions">
            <thead>
              <tr>
                <th scope="col">weights</th>
                <th scope="col">file size</th>
                {offer.options[0].metrics.map((m) => (
                  <th key={m.name} scope="col">
                    {m.name} change
                  </th>
                ))}
                <th scope="col">largest score change</th>
              </tr>
            </thead>
            <tbody>
              {offer.options.map((o) => (
                <tr key={o.precision}>
                  <th scope="row">
                    <label>
                      <input type="radio" name="onnx-precision" checked={precision === o.precision} onChange={() => choose(o.precision)} aria-label={`${o.precision} weights`} /> {PRECISION_WORDS[o.precision]}
                    </label>
                  </th>
                  <td>{kb(o.bytes)}</td>
                  {o.metrics.map((m) => (
                    <td key={m.name} title={`${m.before.toFixed(5)} → ${m.after.toFixed(5)}`}>
                      {o.precision === 'float32' ? m.before.toFixed(4) : signed(m.delta)}
                    </td>
                  ))}
                  <td>{o.precision === 'float32' ? '—' : signed(o.maxScoreChange)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">The float32 row shows the test metrics; the others their change, measured by scoring the test split with the weights as stored in that file.</p>
          <button className="button" onClick={() => void download()}>
            Download {precision} ONNX
          </button>
        </>
      ) : null}
    </div>
  );
}
