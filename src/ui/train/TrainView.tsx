import { useEffect } from 'react';
import { useShare } from '../../state/share';
import { SharePanel } from './SharePanel';
import { useDatasets } from '../../state/datasets';
import { useRuns } from '../../state/runs';
import { FeaturePicker } from './FeaturePicker';
import { ModelForm } from './ModelForm';
import { TrainProgressPanel } from './TrainProgressPanel';
import { SearchPanel } from './SearchPanel';
import { TargetPicker } from './TargetPicker';

export function TrainView() {
  const dataset = useDatasets((s) => (s.activeId ? s.byId[s.activeId] : null));
  const setup = useRuns((s) => s.setup);
  const runsDataset = useRuns((s) => s.datasetId);
  const chooseTarget = useRuns((s) => s.chooseTarget);
  const setupError = useRuns((s) => s.setupError);
  const trainError = useRuns((s) => s.trainError);

  const pendingShare = useShare((s) => s.pending);
  const applyConfig = useRuns((s) => s.applyConfig);
  useEffect(() => useShare.getState().readFromUrl(), []);
  // A shared link's configuration wins over the default target once its target column is here.
  useEffect(() => {
    if (!dataset || !pendingShare || !dataset.columns.some((c) => c.name === pendingShare.target)) return;
    const config = pendingShare;
    useShare.getState().done(null);
    void applyConfig(dataset.id, config).then((message) => useShare.getState().done(message));
  }, [dataset, pendingShare, applyConfig]);

  // A sensible first target: a column named like a label, else the last boolean/categorical one.
  useEffect(() => {
    if (!dataset || runsDataset === dataset.id || useShare.getState().pending) return;
    const byName = dataset.columns.find((c) => /^(churn(ed)?|label|target|class|y|outcome)$/i.test(c.name));
    const fallback = [...dataset.columns].reverse().find((c) => c.kind === 'boolean' || c.kind === 'categorical');
    const target = byName ?? fallback ?? dataset.columns[dataset.columns.length - 1];
    if (target) void chooseTarget(dataset.id, target.name);
  }, [dataset, runsDataset, chooseTarget]);

  if (!dataset) return <p className="muted">Add or pick a dataset first.</p>;
  return (
    <section className="train-view" aria-label="Train a model">
      <div className="train-grid">
        <div className="panel">
          <h2>1 · What to predict</h2>
          <TargetPicker dataset={dataset} />
          {setupError ? <p role="alert" className="error">{setupError}</p> : null}
          {setup?.leakage.map((l) => (
            <p key={l.feature} className="banner banner-warn" role="note">
              ⚠ {l.message}
            </p>
          ))}
        </div>
        <div className="panel">
          <h2>2 · Features</h2>
          <FeaturePicker />
        </div>
        <div className="panel">
          <h2>3 · Model</h2>
          <ModelForm />
        </div>
      </div>
      {trainError ? <div role="alert" className="banner banner-error">{trainError}</div> : null}
      <SharePanel />
      <TrainProgressPanel />
      {setup ? <SearchPanel /> : null}
    </section>
  );
}
