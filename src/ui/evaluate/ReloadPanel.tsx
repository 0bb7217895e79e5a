import { useState } from 'react';
import { useDatasets } from '../../state/datasets';
import { roundDecimalsForDisplay } from '../../core/frame/number';
import { useSavedModels } from '../../state/savedModels';

/** Load a downloaded model (its pipeline JSON and model files), or an XGBoost JSON model, and score a loaded file with it. */
export function ReloadPanel() {
  const { model, scores, message, busy, load, score, downloadScores } = useSavedModels();
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const datasets = order.map((id) => byId[id]).filter(Boolean);
  const [datasetId, setDatasetId] = useState<string>('');
  const chosen = datasets.find((d) => d.id === datasetId) ?? datasets[0];
  return (
    <div className="panel" role="region" aria-label="Score with a saved model">
      <h2>Score with a saved model</h2>
      <p className="muted small">
        Choose all the files the “Download model” button saved (the pipeline JSON and the model’s files), or an XGBoost JSON model (<code>Booster.save_model('m.json')</code>), whose
        columns are matched by name. They are read on this device only.
      </p>
      <label className="row-gap">
        Model files
        <input type="file" multiple accept=".json,.bin" aria-label="Model files" disabled={busy} onChange={(e) => e.target.files && void load([...e.target.files])} />
      </label>
      {message ? <p role="alert" className="error">{message}</p> : null}
      {model ? (
        <>
          <p className="small">
            Loaded a {model.task} model predicting <strong>{model.target}</strong> from {model.features.length} columns ({model.features.join(', ')}).
          </p>
          <div className="row-gap">
            <label>
              File to score{' '}
              <select aria-label="File to score" value={chosen?.id ?? ''} onChange={(e) => setDatasetId(e.target.value)}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <button className="button primary" disabled={!chosen || busy} onClick={() => chosen && void score(chosen.id, chosen.name)}>
              Score file
            </button>
          </div>
        </>
      ) : null}
      {scores ? (
        <>
          <p className="small" role="status">
            Scored {scores.rows.toLocaleString('en-US')} rows of {scores.datasetName}.
          </p>
          <pre className="small" aria-label="Scores preview">{scores.preview.map(roundDecimalsForDisplay).join('\n')}</pre>
          <button className="button" onClick={downloadScores}>
            Download scores (CSV)
          </button>
        </>
      ) : null}
    </div>
  );
}
