import type { RunSummary } from '../../engine/api';
import type { BinaryEvaluation } from '../../core/experiment/evaluation';
import { useRuns } from '../../state/runs';
import { ConfusionMatrix } from '../charts/ConfusionMatrix';
import { CurveChart } from '../charts/CurveChart';
import { SaveChart } from '../charts/SaveChart';
import { MetricCards } from './MetricCards';

export function BinaryPanel({ run, evaluation }: { run: RunSummary; evaluation: BinaryEvaluation }) {
  const threshold = useRuns((s) => s.threshold);
  const atThreshold = useRuns((s) => s.thresholdMetrics);
  const setThreshold = useRuns((s) => s.setThreshold);
  const m = atThreshold && Math.abs(atThreshold.threshold - threshold) < 1e-12 ? atThreshold : threshold === evaluation.metrics.threshold ? evaluation.metrics : atThreshold ?? evaluation.metrics;
  const { tp, fp, tn, fn } = m.confusion;
  const [negative, positive] = run.classes;
  const fpr = fp + tn > 0 ? fp / (fp + tn) : 0;
  const tpr = tp + fn > 0 ? tp / (tp + fn) : 0;
  const precisionDefined = tp + fp > 0;
  return (
    <>
      <MetricCards
        cards={[
          { label: 'ROC AUC', value: evaluation.metrics.auc, note: evaluation.metrics.notes.join(' ') },
          { label: 'Average precision', value: evaluation.metrics.averagePrecision, note: evaluation.metrics.notes.join(' ') },
          { label: 'Log loss', value: evaluation.metrics.logLoss },
          { label: 'Accuracy', value: m.accuracy },
          { label: 'Precision', value: m.precision },
          { label: 'Recall', value: m.recall },
          { label: 'F1', value: m.f1 },
        ]}
      />
      <div className="panel threshold-panel">
        <label htmlFor="threshold" className="threshold-label">
          Decision threshold: <strong>{threshold.toFixed(2)}</strong>
          <span className="muted small"> — predict “{positive}” when P({positive}) ≥ threshold</span>
        </label>
        <input id="threshold" type="range" min={0} max={1} step={0.01} value={threshold} aria-label="Decision threshold" onChange={(e) => void setThreshold(e.target.valueAsNumber)} />
        {m.notes.length > 0 ? <p className="muted small">{m.notes.join(' ')}</p> : null}
      </div>
      <div className="eval-grid">
        <div className="panel">
          <SaveChart heading={`ROC curve · AUC ${evaluation.metrics.auc?.toFixed(3) ?? 'n/a'}`} label="ROC curve" file="roc-curve">
            <CurveChart ariaLabel="ROC curve" series={[{ name: 'ROC', points: evaluation.roc, color: '#6366f1' }]} xLabel="false positive rate" yLabel="true positive rate" chance="diagonal" marker={{ x: fpr, y: tpr }} />
          </SaveChart>
        </div>
        <div className="panel">
          <SaveChart heading={`Precision–recall · AP ${evaluation.metrics.averagePrecision?.toFixed(3) ?? 'n/a'}`} label="precision-recall curve" file="precision-recall-curve">
          <CurveChart ariaLabel="Precision-recall curve" series={[{ name: 'PR', points: evaluation.pr, color: '#0ea5e9' }]} xLabel="recall" yLabel="precision" chance={evaluation.prevalence} marker={precisionDefined ? { x: tpr, y: m.precision } : null} />
          </SaveChart>
        </div>
        <div className="panel">
          <h3>Confusion matrix at {threshold.toFixed(2)}</h3>
          <ConfusionMatrix labels={[negative, positive]} matrix={[[tn, fp], [fn, tp]]} caption={`Test split, ${tp + fp + tn + fn} rows`} />
        </div>
      </div>
    </>
  );
}
