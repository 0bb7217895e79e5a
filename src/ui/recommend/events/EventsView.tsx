import { useEffect } from 'react';
import { useDatasets } from '../../../state/datasets';
import { useRecommendEvents } from '../../../state/recommendEvents';
import { JobProgress } from '../../layout/JobProgress';
import { EventsMappingForm } from './EventsMappingForm';
import { EventsAlgorithms, EventsResultsTable } from './EventsResults';
import { NewItemPanel } from './NewItemPanel';
import { Onboarding } from './Onboarding';

/** Events mode: implicit feedback (clicks, purchases), compared top-N, onboarding and new items. */
export function EventsView() {
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const activeId = useDatasets((s) => s.activeId);
  const mapping = useRecommendEvents((s) => s.mapping);
  const mappingError = useRecommendEvents((s) => s.mappingError);
  const suggest = useRecommendEvents((s) => s.suggest);
  const job = useRecommendEvents((s) => s.job);
  const cancel = useRecommendEvents((s) => s.cancel);
  const jobError = useRecommendEvents((s) => s.jobError);

  useEffect(() => {
    if (mapping || mappingError || order.length === 0) return;
    const looksLikeEvents = (id: string) => /event|click|rating|purchase|\.data$/i.test(byId[id]?.name ?? '');
    void suggest(activeId && looksLikeEvents(activeId) ? activeId : (order.find(looksLikeEvents) ?? activeId ?? order[0]));
  }, [mapping, mappingError, order, byId, activeId, suggest]);

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
      <div className="train-grid">
        <Onboarding />
        <NewItemPanel />
      </div>
    </>
  );
}
