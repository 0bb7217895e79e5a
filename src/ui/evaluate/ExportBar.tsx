import { useOnnxExport } from '../../state/onnxExport';
import { useRuns } from '../../state/runs';

export function ExportBar() {
  const exportRun = useRuns((s) => s.exportRun);
  const toggleOnnx = useOnnxExport((s) => s.toggle);
  return (
    <div className="export-bar" role="group" aria-label="Downloads">
      <button className="button" onClick={() => void exportRun('html')} title="One page to read or print to PDF: data, settings, metrics and charts at the threshold on screen. No rows of your data.">
        Download report (HTML)
      </button>
      <button className="button" onClick={() => void exportRun('report')}>Download report (JSON)</button>
      <button className="button" onClick={() => void exportRun('predictions')}>Download predictions (CSV)</button>
      <button className="button" onClick={() => void exportRun('model')} title="The pipeline JSON and the model's own files (tfjs model.json + weights.bin, or XGBoost JSON for trees). The pipeline holds category values and text statistics taken from your data.">
        Download model
      </button>
      <button className="button" onClick={() => void toggleOnnx()} title="One .onnx file with the model and its preprocessing, scoring raw rows in onnxruntime; float32, float16 or int8 weights, with each one's size and metric change shown first. Holds category labels and statistics from your data, no rows.">
        Download ONNX
      </button>
      <button className="button" onClick={() => void exportRun('encoded')} title="Every row as the model reads it (scaled or coded feature values, split and target), to score the downloaded model in another tool. It holds your data, encoded.">
        Download encoded rows (CSV)
      </button>
      <span className="muted small export-note">The model download includes the pipeline, which holds category values from your data.</span>
    </div>
  );
}
