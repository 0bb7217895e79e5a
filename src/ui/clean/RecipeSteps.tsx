/** The recipe as an ordered list: each step in words, what the preview says it did, and move/remove. */
import { stepDefinition } from '../../core/clean/steps';
import type { RecipeStep } from '../../core/clean/types';
import type { RecipePreview } from '../../engine/api';
import { useRecipeDraft } from '../../state/recipeDraft';

interface Props {
  datasetId: string;
  steps: RecipeStep[];
  preview: (RecipePreview & { stepCount: number }) | undefined;
}

export function RecipeSteps({ datasetId, steps, preview }: Props) {
  const move = useRecipeDraft((s) => s.moveStep);
  const remove = useRecipeDraft((s) => s.removeStep);
  if (steps.length === 0) return <p className="muted small">No steps yet: add one below, or from the personal data and anomaly panels.</p>;
  const current = preview && preview.stepCount === steps.length ? preview : undefined;
  return (
    <ol className="recipe-steps" aria-label="Recipe steps">
      {steps.map((step, i) => {
        const report = current?.reports[i];
        const failed = current?.failedStep === i;
        const label = stepDefinition(step.op)?.describe(step) ?? step.op;
        return (
          <li key={i} className={failed ? 'recipe-step failed' : 'recipe-step'} data-ms={report?.ms?.toFixed(1)} data-rows={report?.rowsBefore}>
            <div className="recipe-step-text">
              <strong>{label}</strong>
              {report ? (
                <span className="small muted">
                  {' '}— {report.summary}
                  {report.rowsBefore !== report.rowsAfter ? ` · rows ${report.rowsBefore.toLocaleString('en-US')} → ${report.rowsAfter.toLocaleString('en-US')}` : ''}
                </span>
              ) : null}
              {failed ? <div className="error small" role="alert">{current!.message}</div> : null}
            </div>
            <span className="recipe-step-actions">
              <button className="button small" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => move(datasetId, i, i - 1)}>↑</button>
              <button className="button small" aria-label={`Move step ${i + 1} down`} disabled={i === steps.length - 1} onClick={() => move(datasetId, i, i + 1)}>↓</button>
              <button className="button small" aria-label={`Remove step ${i + 1}`} onClick={() => remove(datasetId, i)}>Remove</button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
