import { useDatasets } from '../../../state/datasets';
import { useRecommendEvents } from '../../../state/recommendEvents';
import { formatCount } from '../../format';
import { ColumnSelect, DatasetSelect } from '../MappingSelects';

/** Which columns hold user, item, event type (with weights), time, or a rating threshold. */
export function EventsMappingForm() {
  const byId = useDatasets((s) => s.byId);
  const mapping = useRecommendEvents((s) => s.mapping);
  const notes = useRecommendEvents((s) => s.notes);
  const eventTypes = useRecommendEvents((s) => s.eventTypes);
  const error = useRecommendEvents((s) => s.mappingError);
  const summary = useRecommendEvents((s) => s.summary);
  const busy = useRecommendEvents((s) => s.job !== null);
  const suggest = useRecommendEvents((s) => s.suggest);
  const update = useRecommendEvents((s) => s.updateMapping);
  const cols = mapping ? (byId[mapping.datasetId]?.columns ?? []) : [];
  const select = (label: string, value: string | null, onChange: (v: string | null) => void, optional?: string) => (
    <ColumnSelect label={label} value={value} columns={cols} optional={optional} onChange={onChange} />
  );
  return (
    <fieldset className="form-rows" disabled={busy}>
      <DatasetSelect label="Events dataset" value={mapping?.datasetId ?? null} onChange={(id) => void suggest(id)} />
      {mapping ? (
        <>
          {select('User column', mapping.user, (v) => v && void update({ user: v }))}
          {select('Item column', mapping.item, (v) => v && void update({ item: v }))}
          {select('Event type column', mapping.eventType, (v) => void update({ eventType: v }), 'none (every row weighs 1)')}
          {mapping.eventType && eventTypes.length > 0 ? (
            <div className="form-rows" aria-label="Event weights">
              {eventTypes.map(({ type, count }) => (
                <label key={type}>
                  Weight of “{type}” ({formatCount(count)})
                  <input type="number" min={0} step={0.5} value={mapping.typeWeights[type] ?? 1} onChange={(e) => void update({ typeWeights: { ...mapping.typeWeights, [type]: Number(e.target.value) } })} />
                </label>
              ))}
            </div>
          ) : null}
          {select('Count a row as an event when column', mapping.threshold?.column ?? null, (v) => void update({ threshold: v ? { column: v, minimum: mapping.threshold?.minimum ?? 4 } : null }), 'every row is an event')}
          {mapping.threshold ? (
            <label>
              … is at least
              <input type="number" value={mapping.threshold.minimum} onChange={(e) => void update({ threshold: { column: mapping.threshold!.column, minimum: Number(e.target.value) } })} />
            </label>
          ) : null}
          {select('Time column', mapping.timestamp, (v) => void update({ timestamp: v, halfLifeDays: v ? mapping.halfLifeDays : null }), 'none')}
          {mapping.timestamp ? (
            <label>
              Time decay half-life (days, empty for none)
              <input type="number" min={1} value={mapping.halfLifeDays ?? ''} onChange={(e) => void update({ halfLifeDays: e.target.value === '' ? null : Number(e.target.value) })} />
            </label>
          ) : null}
        </>
      ) : null}
      {notes.length > 0 ? (
        <ul className="muted small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <div role="alert" className="banner banner-error">
          {error}
        </div>
      ) : null}
      {summary ? (
        <p className="small" aria-label="Events summary">
          {formatCount(summary.events)} events ({formatCount(summary.dropped)} rows skipped) · {formatCount(summary.users)} users · {formatCount(summary.items)} items ·{' '}
          {formatCount(summary.interactions)} user-item interactions · {formatCount(summary.itemsWithContent)} items with title or category
        </p>
      ) : null}
    </fieldset>
  );
}
