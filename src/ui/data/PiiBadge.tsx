import type { PiiFinding } from '../../engine/api';
import { PII_KIND_LABELS } from '../../core/privacy/detect';

/** "Personal data? email · 98%" on a column card: a question, since detection samples and guesses. */
export function PiiBadge({ finding }: { finding: PiiFinding }) {
  const label = PII_KIND_LABELS[finding.kind];
  const pct = Math.round(finding.confidence * 100);
  return (
    <p className={`pii-badge ${finding.confidence >= 0.8 ? 'pii-high' : ''}`} title={`${finding.evidence}. Protect it on the Clean view.`}>
      Personal data? {label} · {pct}%
    </p>
  );
}
