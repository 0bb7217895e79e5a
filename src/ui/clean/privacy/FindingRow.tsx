/** One detected column: what it looks like, how sure, and the action that adds a step to the recipe draft. */
import { useState } from 'react';
import { PII_KIND_LABELS } from '../../../core/privacy/detect';
import type { RecipeStep } from '../../../core/clean/types';
import type { PiiFinding } from '../../../engine/api';

export type PrivacyAction = 'drop' | 'mask' | 'pseudonymise' | 'generalise';

const ACTION_LABELS: Record<PrivacyAction, string> = { drop: 'Drop', mask: 'Mask', pseudonymise: 'Pseudonymise', generalise: 'Generalise' };

/** What protects each kind best by default: tokens keep joins for ids, masks keep the last digits people check. */
export function defaultAction(finding: PiiFinding): PrivacyAction {
  if (finding.kind === 'card' || finding.kind === 'iban' || finding.kind === 'phone') return 'mask';
  if (finding.kind === 'birth-date') return 'generalise';
  return 'pseudonymise';
}

export function stepFor(action: PrivacyAction, column: string, finding: PiiFinding, amount: number): RecipeStep {
  if (action === 'drop') return { op: 'drop-columns', columns: [column] };
  if (action === 'mask') return { op: 'mask', columns: [column], keepLast: amount };
  if (action === 'pseudonymise') return { op: 'pseudonymise', columns: [column] };
  return finding.kind === 'birth-date' ? { op: 'generalise', column, method: 'month' } : { op: 'generalise', column, method: 'prefix', chars: amount };
}

export function FindingRow({ finding, inDraft, onAdd }: { finding: PiiFinding; inDraft: boolean; onAdd(step: RecipeStep): void }) {
  const [action, setAction] = useState<PrivacyAction>(() => defaultAction(finding));
  const [amountText, setAmountText] = useState(() => (finding.kind === 'card' || finding.kind === 'iban' || finding.kind === 'phone' ? '4' : '3'));
  const column = finding.column;
  const needsAmount = action === 'mask' || (action === 'generalise' && finding.kind !== 'birth-date');
  const amount = Number(amountText);
  const max = action === 'mask' ? 8 : 20;
  const amountProblem = needsAmount && (!/^\d+$/.test(amountText.trim()) || amount > max || (action === 'generalise' && amount < 1)) ? `Type a whole number from ${action === 'mask' ? 0 : 1} to ${max}.` : null;
  const amountLabel = action === 'mask' ? `Characters to keep at the end of ${column}` : `Characters to keep at the start of ${column}`;
  return (
    <tr>
      <th scope="row">{column}</th>
      <td>{PII_KIND_LABELS[finding.kind]}{finding.kinds.length > 1 ? <span className="muted small"> (or {finding.kinds.slice(1, 3).map((k) => PII_KIND_LABELS[k.kind]).join(', ')})</span> : null}</td>
      <td>{Math.round(finding.confidence * 100)}%</td>
      <td className="pii-evidence muted small">{finding.evidence}</td>
      <td>
        <div className="pii-action">
          <select aria-label={`Action for ${column}`} value={action} onChange={(e) => setAction(e.target.value as PrivacyAction)}>
            {(Object.keys(ACTION_LABELS) as PrivacyAction[]).map((a) => (
              <option key={a} value={a}>{ACTION_LABELS[a]}</option>
            ))}
          </select>
          {needsAmount ? (
            <label className="small">
              {action === 'mask' ? 'keep last' : 'keep first'}
              <input className="pii-amount" aria-label={amountLabel} aria-invalid={amountProblem ? true : undefined} inputMode="numeric" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
            </label>
          ) : action === 'generalise' ? <span className="muted small">to the month</span> : null}
          <button className="button" aria-label={`Add step for ${column}`} disabled={amountProblem !== null} onClick={() => onAdd(stepFor(action, column, finding, amount))}>
            Add step
          </button>
          {inDraft ? <span className="pii-in-draft small">in the recipe</span> : null}
        </div>
        {amountProblem ? <p className="error small" role="alert">{amountProblem}</p> : null}
      </td>
    </tr>
  );
}
