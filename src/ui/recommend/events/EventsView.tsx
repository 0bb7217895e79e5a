import { useRecommendEvents } from '../../../state/recommendEvents';
import { JobProgress } from '../../layout/JobProgress';
import { EventsMappingForm } from './EventsMappingForm';
import { ExistingUserPreview } from './ExistingUserPreview';
import { EventsAlgorithms, EventsResultsTable } from './EventsResults';
import { NewItemPanel } from './NewItemPanel';
import { Onboarding } from './Onboarding';
import { useFirstDataset } from '../useFirstDataset';

const EVENTS_NAME = /event|click|rating|purchase|\.data$/i;

/** Events mode: implicit feedback (clicks, purchases), compared top-N, onboarding and new items. */
export function EventsView() {
  const mapping = useRecommendEvents((s) => s.mapping);
  const mappingError = useRecommendEvents((s) => s.mappingError);
  const suggest = useRecommendEvents((s) => s.suggest);
  const job = useRecommendEvents((s) => s.job);
  const cancel = useRecommendEvents((s) => s.cancel);
  const jobError = useRecommendEvents((s) => s.jobError);

  useFirstDataset(EVENTS_NAME, mapping !== null || mappingError !== null, suggest);

  return (
    <>
      <div className="train-grid">
        <div className="panel">
          <h2>1 · Events</h2>
          <EventsMappingForm />
        </div>
        <div className="panel">
          <h2>2 · Algorithms and diversity</h2>
          <EventsAlgorithms />
        </div>
      </div>
      {jobError ? (
        <div role="alert" className="banner banner-error">
          {jobError}
        </div>
      ) : null}
      {job ? <JobProgress title="Comparing algorithms…" label="Comparison progress" value={job.fraction} message={job.message} startedAt={job.startedAt} onCancel={() => void cancel()} /> : null}
      <EventsResultsTable />
      <ExistingUserPreview />
      <div className="train-grid">
        <Onboarding />
        <NewItemPanel />
      </div>
    </>
  );
}
