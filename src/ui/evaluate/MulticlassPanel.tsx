import { useState } from 'react';
import type { MulticlassEvaluation } from '../../core/experiment/evaluation';
import { ConfusionMatrix } from '../charts/ConfusionMatrix';
import { CurveChart } from '../charts/CurveChart';
import { SaveChart } from '../charts/SaveChart';
import { MetricCards } from './MetricCards';

const COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#ec4899'];

export function MulticlassPanel({ evaluation }: { evaluation: MulticlassEvaluation }) {
  const m = evaluation.metrics;
  const [normalized, setNormalized] = useState(false);
  return (
    <>
      <MetricCards
        cards={[
          { label: 'Accuracy', value: m.accuracy },
          { label: 'Macro F1', value: m.macroF1 },
          { label: 'Weighted F1', value: m.weightedF1 },
          { label: 'Macro AUC (one-vs-rest)', value: m.macroAucOvr, note: m.aucNote },
          { label: 'Weighted AUC (one-vs-rest)', value: m.weightedAucOvr, note: m.aucNote },
          { label: 'Log loss', value: m.logLoss },
        ]}
      />
      <div className="eval-grid">
        <div className="panel">
          <h3>Per class</h3>
          <table className="data-table" aria-label="Per-class metrics">
            <thead>
              <tr><th scope="col">class</th><th scope="col">precision</th><th scope="col">recall</th><th scope="col">F1</th><th scope="col">support</th></tr>
            </thead>
            <tbody>
              {m.perClass.map((p) => (
                <tr key={p.label}>
                  <th scope="row">{p.label}</th>
                  <td>{p.precision.toFixed(3)}</td>
                  <td>{p.recall.toFixed(3)}</td>
                  <td>{p.f1.toFixed(3)}</td>
                  <td>{p.support}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="panel">
          <SaveChart heading="One-vs-rest ROC" label="one-vs-rest ROC curves" file="roc-curves">
            <CurveChart
              ariaLabel="One-vs-rest ROC curves"
              series={evaluation.rocPerClass.map((c, i) => ({ name: `${c.label} (AUC ${c.auc?.toFixed(3) ?? 'n/a'})`, points: c.curve, color: COLORS[i % COLORS.length] }))}
              xLabel="false positive rate"
              yLabel="true positive rate"
              chance="diagonal"
            />
          </SaveChart>
          <p className="muted small">{evaluation.rocPerClass.map((c, i) => <span key={c.label} style={{ color: COLORS[i % COLORS.length] }}>■ {c.label} {c.auc?.toFixed(3) ?? 'n/a'}  </span>)}</p>
        </div>
        {/* Five classes or more: the matrix takes a row of its own rather than a sideways scroll. */}
        <div className="panel" style={m.perClass.length > 4 ? { gridColumn: '1 / -1' } : undefined}>
          <h3>Confusion matrix</h3>
          <div className="segmented toggle-row" role="group" aria-label="Confusion matrix values">
            <button className={normalized ? '' : 'on'} aria-pressed={!normalized} onClick={() => setNormalized(false)}>counts</button>
            <button className={normalized ? 'on' : ''} aria-pressed={normalized} onClick={() => setNormalized(true)}>normalized by true class</button>
          </div>
          <ConfusionMatrix labels={m.perClass.map((p) => p.label)} matrix={m.confusion} normalized={normalized} caption={normalized ? 'Test split; share of each true class (rows sum to 1)' : 'Test split; predicted class = highest probability'} />
        </div>
      </div>
    </>
  );
}
