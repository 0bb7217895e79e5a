/**
 * Placeholder while this view is being built on its branch (replaced there). The anomaly branch
 * renders its panel for the selected dataset and lists the recipe draft, so its e2e can see the
 * step it adds; the real Clean view replaces this file at merge.
 */
import { stepDefinition } from '../../core/clean/steps';
import { useDatasets } from '../../state/datasets';
import { useRecipeDraft } from '../../state/recipeDraft';
import { AnomalyPanel } from './anomaly/AnomalyPanel';
import { PrivacyPanel } from './privacy/PrivacyPanel';

export function CleanView() {
  const datasetId = useDatasets((s) => s.activeId);
  const steps = useRecipeDraft((s) => (datasetId ? s.drafts[datasetId] : undefined));
  return (
    <section aria-label="Cleaning recipes">
      <h2>Cleaning recipes</h2>
      {datasetId ? (
        <>
          <div className="panel">
            <h3>Recipe draft</h3>
            {steps?.length ? (
              <ol aria-label="Recipe steps">
                {steps.map((step, i) => <li key={i}>{stepDefinition(step.op)?.describe(step) ?? step.op}</li>)}
              </ol>
            ) : (
              <p className="muted small">No steps yet.</p>
            )}
          </div>
          <PrivacyPanel datasetId={datasetId} />
          <AnomalyPanel datasetId={datasetId} />
        </>
      ) : (
        <p className="muted">Load or pick a dataset to clean.</p>
      )}
    </section>
  );
}
