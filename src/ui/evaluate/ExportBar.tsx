import { useRuns } from '../../state/runs';

export function ExportBar() {
  const exportRun = useRuns((s) => s.exportRun);
  return (
    <div className="export-bar" role="group" aria-label="Downloads">
      <button className="button" onClick={() => void exportRun('report')}>Download report (JSON)</button>
      <button className="button" onClick={() => void exportRun('predictions')}>Download predictions (CSV)</button>
      <button className="button" onClick={() => void exportRun('model')} title="tfjs model.json + weights.bin, and the pipeline JSON. The pipeline holds category values and text statistics taken from your data.">
        Download model
      </button>
      <span className="muted small export-note">The model download includes the pipeline, which holds category values from your data.</span>
    </div>
  );
}
