import { useEngine } from '../state/engine';
import { useUi, type ViewName } from '../state/ui';
import { DataView } from './data/DataView';
import { EvaluateView } from './evaluate/EvaluateView';
import { ExplainView } from './explain/ExplainView';
import { TrainView } from './train/TrainView';
import { RecommendView } from './recommend/RecommendView';
import { CleanView } from './clean/CleanView';
import { ModelsView } from './models/ModelsView';
import { StreamView } from './stream/StreamView';
import { DropZone } from './data/DropZone';
import { Sidebar } from './layout/Sidebar';
import { Header } from './layout/Header';
import { ProblemBanner } from './layout/ProblemBanner';
import { Announcer } from './layout/Announcer';
import { useWorkspace } from '../state/workspace';
import { UnlockView } from './workspace/UnlockView';
import { WorkspacePanel } from './workspace/WorkspacePanel';

const VIEWS: { id: ViewName; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'clean', label: 'Clean' },
  { id: 'train', label: 'Train' },
  { id: 'evaluate', label: 'Evaluate' },
  { id: 'explain', label: 'Explain' },
  { id: 'models', label: 'Models' },
  { id: 'recommend', label: 'Recommend' },
  { id: 'stream', label: 'Stream' },
];

export function App() {
  const status = useEngine((s) => s.status);
  const failure = useEngine((s) => s.failure);
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  // The views wait for the saved workspace: restored datasets, not the demo ones for a moment; nothing while locked.
  const workspace = useWorkspace((s) => s.state?.status ?? null);
  const ready = status === 'ready' && workspace !== null && workspace !== 'locked';

  return (
    <DropZone>
      <div className="app">
        <Header />
        <Announcer />
        <WorkspacePanel />
        <div className="body">
          <Sidebar />
          <main className="main" aria-busy={status === 'starting'}>
            {status === 'failed' ? (
              <div role="alert" className="banner banner-error">
                <strong>Loupe cannot run here.</strong> {failure}
              </div>
            ) : null}
            <ProblemBanner />
            <nav className="tabs" role="tablist" aria-label="Views">
              {VIEWS.map((v) => (
                <button key={v.id} role="tab" aria-selected={view === v.id} className="tab" onClick={() => setView(v.id)}>
                  {v.label}
                </button>
              ))}
            </nav>
            {status === 'starting' ? <p className="muted loading">Starting the on-device engine and measuring the fastest backend…</p> : null}
            {status === 'ready' && workspace === null ? <p className="muted loading">Opening your saved workspace…</p> : null}
            {status === 'ready' && workspace === 'locked' ? <UnlockView /> : null}
            {ready && view === 'data' ? <DataView /> : null}
            {ready && view === 'clean' ? <CleanView /> : null}
            {ready && view === 'train' ? <TrainView /> : null}
            {ready && view === 'evaluate' ? <EvaluateView /> : null}
            {ready && view === 'explain' ? <ExplainView /> : null}
            {ready && view === 'models' ? <ModelsView /> : null}
            {ready && view === 'recommend' ? <RecommendView /> : null}
            {ready && view === 'stream' ? <StreamView /> : null}
          </main>
        </div>
      </div>
    </DropZone>
  );
}
