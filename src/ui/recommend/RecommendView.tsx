import { useDatasets } from '../../state/datasets';
import { useRecommend } from '../../state/recommend';
import { AlgorithmPicker } from './AlgorithmPicker';
import { CompareProgress } from './CompareProgress';
import { EvaluationForm } from './EvaluationForm';
import { MappingForm } from './MappingForm';
import { PreviewPanel } from './PreviewPanel';
import { ResultsTable } from './ResultsTable';
import { EventsView } from './events/EventsView';
import { useRecommendEvents } from '../../state/recommendEvents';
import { useFirstDataset } from './useFirstDataset';

const RATINGS_NAME = /rating|\.data$/i;

/** Map ratings, compare recommenders on a held-out split, then preview what each user would get. */
export function RecommendView() {
  const order = useDatasets((s) => s.order);
  const mapping = useRecommend((s) => s.mapping);
  const mappingError = useRecommend((s) => s.mappingError);
  const suggest = useRecommend((s) => s.suggest);
  const jobError = useRecommend((s) => s.jobError);
  const mode = useRecommendEvents((s) => s.mode);
  const setMode = useRecommendEvents((s) => s.setMode);

  useFirstDataset(RATINGS_NAME, mapping !== null || mappingError !== null, suggest);

  if (order.length === 0) return <p className="muted">Add a ratings file (user, item, rating columns) first.</p>;
  return (
    <section className="recommend-view" aria-label="Recommend">
      <div role="radiogroup" aria-label="Recommend from" className="row">
        {(['ratings', 'events'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="recommend-mode" checked={mode === m} onChange={() => setMode(m)} /> {m === 'ratings' ? 'Ratings (explicit stars)' : 'Events (clicks, purchases)'}
          </label>
        ))}
      </div>
      {mode === 'events' ? (
        <EventsView />
      ) : (
        <>
      <div className="train-grid">
        <div className="panel">
          <h2>1 · Ratings</h2>
          <MappingForm />
        </div>
        <div className="panel">
          <h2>2 · Algorithms</h2>
          <AlgorithmPicker />
        </div>
        <div className="panel">
          <h2>3 · Evaluation</h2>
          <EvaluationForm />
        </div>
      </div>
      {jobError ? (
        <div role="alert" className="banner banner-error">
          {jobError}
        </div>
      ) : null}
      <CompareProgress />
      <ResultsTable />
      <PreviewPanel />
        </>
      )}
    </section>
  );
}
