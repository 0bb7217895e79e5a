/**
 * The Clean view: an ordered, replayable recipe for the selected dataset, previewed step by step
 * as it is written, applied in the engine to make a new version (the original stays), and
 * exchanged as a JSON file. The personal data and anomaly panels add their steps to the same recipe.
 */
import { useEffect, useRef } from 'react';
import { useClean } from '../../state/clean';
import { useDatasets } from '../../state/datasets';
import { useRecipeDraft } from '../../state/recipeDraft';
import { AddStepForm } from './AddStepForm';
import { AnomalyPanel } from './anomaly/AnomalyPanel';
import { PrivacyPanel } from './privacy/PrivacyPanel';
import { RecipeSteps } from './RecipeSteps';

const NO_STEPS: never[] = [];

export function CleanView() {
  const datasetId = useDatasets((s) => s.activeId);
  const profile = useDatasets((s) => (s.activeId ? s.byId[s.activeId] : undefined));
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const select = useDatasets((s) => s.select);
  const steps = useRecipeDraft((s) => (datasetId ? s.drafts[datasetId] : undefined)) ?? NO_STEPS;
  const addStep = useRecipeDraft((s) => s.addStep);
  const preview = useClean((s) => (datasetId ? s.previews[datasetId] : undefined));
  const note = useClean((s) => (datasetId ? s.notes[datasetId] : undefined));
  const job = useClean((s) => s.job);
  const clean = useClean.getState();
  const importInput = useRef<HTMLInputElement>(null);

  // Preview after every change of the recipe, a moment after the last one.
  useEffect(() => {
    if (!datasetId) return;
    const timer = setTimeout(() => void useClean.getState().preview(datasetId), 250);
    return () => clearTimeout(timer);
  }, [datasetId, steps]);

  if (!datasetId || !profile) return <section aria-label="Cleaning recipes"><h2>Cleaning recipes</h2><p className="muted">Load or pick a dataset to clean.</p></section>;
  const others = order.filter((id) => id !== datasetId);
  const percent = job?.fraction == null ? undefined : Math.round(job.fraction * 100);
  const ready = preview && preview.stepCount === steps.length && preview.failedStep === null;

  return (
    <section aria-label="Cleaning recipes" className="clean-view">
      <div className="row-between">
        <h2>Clean {profile.name}</h2>
        <label>
          Dataset{' '}
          <select value={datasetId} onChange={(e) => select(e.target.value)}>
            {order.map((id) => <option key={id} value={id}>{byId[id]?.name}</option>)}
          </select>
        </label>
      </div>
      {profile.lineage ? (
        <p className="small lineage-note">
          A cleaned version of {profile.lineage.parentName} (v{profile.lineage.parentVersion}) made by {profile.lineage.recipe.steps.length} steps. Steps added here extend that recipe.
        </p>
      ) : null}
      <div className="panel">
        <h3>Recipe</h3>
        <p className="muted small">Steps run in order in the engine, each on the previous one's result. Applying makes a new dataset; {profile.name} stays as it is.</p>
        <RecipeSteps datasetId={datasetId} steps={steps} preview={preview} />
        {ready && steps.length > 0 ? (
          <p className="small">After all steps: {preview.rowsAfter.toLocaleString('en-US')} rows × {preview.columnsAfter} columns (now {profile.rowCount.toLocaleString('en-US')} × {profile.columnCount}).</p>
        ) : null}
        <AddStepForm key={datasetId} columns={profile.columns} onAdd={(step) => addStep(datasetId, step)} />
        <div className="button-row">
          <button className="button primary" disabled={steps.length === 0 || !!job || preview?.failedStep != null} onClick={() => void clean.apply(datasetId)}>
            Apply recipe
          </button>
          <button className="button" disabled={steps.length === 0} onClick={() => void clean.exportRecipe(datasetId)}>Export recipe</button>
          <button className="button" onClick={() => importInput.current?.click()}>Import recipe…</button>
          <input
            ref={importInput}
            type="file"
            accept=".json,application/json"
            aria-label="Recipe file to import"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void clean.importRecipe(datasetId, file);
            }}
          />
          {others.length > 0 && steps.length > 0 ? (
            <label>
              Use this recipe on{' '}
              <select aria-label="Use this recipe on" value="" onChange={(e) => e.target.value && void clean.copyTo(datasetId, e.target.value)}>
                <option value="">another dataset…</option>
                {others.map((id) => <option key={id} value={id}>{byId[id]?.name}</option>)}
              </select>
            </label>
          ) : null}
        </div>
        {job && job.datasetId === datasetId ? (
          <div className="progress-row" aria-live="polite">
            <progress aria-label="Applying the recipe" max={100} value={percent} />
            <span className="small muted">{job.message}</span>
            <button className="button small" onClick={() => void clean.cancel()}>Cancel</button>
          </div>
        ) : null}
        {note ? <p className={note.kind === 'error' ? 'error small' : 'small ok-note'} role={note.kind === 'error' ? 'alert' : 'status'}>{note.text}</p> : null}
      </div>
      <PrivacyPanel datasetId={datasetId} />
      <AnomalyPanel datasetId={datasetId} />
    </section>
  );
}
