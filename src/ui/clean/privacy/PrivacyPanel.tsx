/**
 * Personal data on the Clean view: what the detectors found per column, an action per column that
 * adds a step to the recipe draft (nothing changes until the recipe is applied), the key for
 * pseudonymising, and the k-anonymity report.
 */
import { useEffect, useState } from 'react';
import { stepDefinition } from '../../../core/clean/steps';
import type { RecipeStep } from '../../../core/clean/types';
import { useDatasets } from '../../../state/datasets';
import { usePrivacy } from '../../../state/privacy';
import { useRecipeDraft } from '../../../state/recipeDraft';
import { FindingRow } from './FindingRow';
import { KAnonymityPanel } from './KAnonymityPanel';
import { OtherColumnForm } from './OtherColumnForm';
import { PseudonymKeyField } from './PseudonymKeyField';

const EMPTY: RecipeStep[] = [];

/** The columns a draft step touches, by name. */
function stepColumns(step: RecipeStep): string[] {
  if (Array.isArray(step.columns)) return step.columns as string[];
  return typeof step.column === 'string' ? [step.column] : [];
}

export function PrivacyPanel({ datasetId }: { datasetId: string }) {
  const profile = useDatasets((s) => s.byId[datasetId]);
  const detection = usePrivacy((s) => s.detections[datasetId]);
  const problem = usePrivacy((s) => s.detectProblems[datasetId]);
  const draft = useRecipeDraft((s) => s.drafts[datasetId] ?? EMPTY);
  const addStep = useRecipeDraft((s) => s.addStep);
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (profile) void usePrivacy.getState().detect(datasetId);
  }, [datasetId, profile]);
  if (!profile) return null;

  const findings = detection?.findings ?? [];
  const touched = new Set(draft.filter((s) => ['drop-columns', 'mask', 'pseudonymise', 'generalise'].includes(s.op)).flatMap(stepColumns));
  const add = (step: RecipeStep) => {
    addStep(datasetId, step);
    setAdded(stepDefinition(step.op)?.describe(step) ?? step.op);
  };

  return (
    <section aria-label="Personal data" className="privacy-panel">
      <h3>Personal data</h3>
      {problem ? <p className="error" role="alert">{problem}</p> : null}
      {!detection && !problem ? <p className="muted">Checking the columns for personal data…</p> : null}
      {detection ? (
        <div className="panel">
          <p className="muted small">
            Checked {detection.columnsChecked} columns of {profile.name} by header and by content (up to 2,000 distinct values each).{' '}
            {findings.length === 0 ? 'None looks like personal data.' : 'Each action adds a step to the recipe; nothing changes until the recipe is applied.'}
          </p>
          {findings.length > 0 ? (
            <div className="pii-scroll">
              <table className="data-table pii-table" aria-label="Personal data found">
                <thead><tr><th>Column</th><th>Looks like</th><th>Confidence</th><th>Evidence</th><th>Action</th></tr></thead>
                <tbody>
                  {findings.map((f) => <FindingRow key={f.column} finding={f} inDraft={touched.has(f.column)} onAdd={add} />)}
                </tbody>
              </table>
            </div>
          ) : null}
          <OtherColumnForm columns={profile.columns.map((c) => c.name).filter((c) => !findings.some((f) => f.column === c))} onAdd={add} />
          {added ? <p className="pii-added small" role="status">Added to the recipe: {added}.</p> : null}
          <PseudonymKeyField needed={draft.some((s) => s.op === 'pseudonymise')} />
        </div>
      ) : null}
      <KAnonymityPanel datasetId={datasetId} columns={profile.columns.map((c) => c.name)} kinds={Object.fromEntries(profile.columns.map((c) => [c.name, c.kind]))} piiColumns={new Set(findings.map((f) => f.column))} />
    </section>
  );
}
