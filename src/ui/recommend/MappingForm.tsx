import { useDatasets } from '../../state/datasets';
import { useRecommend } from '../../state/recommend';
import { formatCount } from '../format';
import { ColumnSelect, DatasetSelect } from './MappingSelects';
import { TitleMatchNote } from './TitleMatchNote';

/** Which dataset and columns hold the ratings, and where item titles come from. */
export function MappingForm() {
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const mapping = useRecommend((s) => s.mapping);
  const notes = useRecommend((s) => s.mappingNotes);
  const error = useRecommend((s) => s.mappingError);
  const summary = useRecommend((s) => s.summary);
  const busy = useRecommend((s) => s.job !== null);
  const suggest = useRecommend((s) => s.suggest);
  const update = useRecommend((s) => s.updateMapping);
  const ratings = mapping ? byId[mapping.datasetId] : null;
  const details = mapping?.details ? byId[mapping.details.datasetId] : null;
  const cols = ratings?.columns ?? [];
  return (
    <fieldset className="form-rows" disabled={busy}>
      <DatasetSelect label="Ratings dataset" value={mapping?.datasetId ?? null} onChange={(id) => void suggest(id)} />
      {mapping ? (
        <>
          <ColumnSelect label="User column" value={mapping.user} columns={cols} onChange={(v) => v && void update({ user: v })} />
          <ColumnSelect label="Item column" value={mapping.item} columns={cols} onChange={(v) => v && void update({ item: v })} />
          <ColumnSelect label="Rating column" value={mapping.rating} columns={cols} onChange={(v) => v && void update({ rating: v })} />
          <ColumnSelect label="Timestamp column" value={mapping.timestamp} columns={cols} optional="none" onChange={(v) => void update({ timestamp: v })} />
          <label>
            Item details dataset
            <select
              value={mapping.details?.datasetId ?? ''}
              onChange={(e) => {
                const id = e.target.value;
                if (!id) return void update({ details: null });
                const ds = byId[id];
                const same = id === mapping.datasetId;
                const idColumn = same ? mapping.item : (ds.columns[0]?.name ?? '');
                const title = ds.columns.find((c) => c.name !== idColumn && (c.kind === 'text' || c.kind === 'categorical' || c.kind === 'identifier'));
                void update({ details: { datasetId: id, idColumn, titleColumn: title?.name ?? idColumn, categoryColumn: null } });
              }}
            >
              <option value="">none (show item ids)</option>
              {order.map((id) => (
                <option key={id} value={id}>
                  {byId[id]?.name}
                </option>
              ))}
            </select>
          </label>
          {mapping.details && details ? (
            <>
              {mapping.details.datasetId !== mapping.datasetId ? (
                <ColumnSelect label="Item id in details" value={mapping.details.idColumn} columns={details.columns} onChange={(v) => v && void update({ details: { ...mapping.details!, idColumn: v } })} />
              ) : null}
              <ColumnSelect label="Item title column" value={mapping.details.titleColumn} columns={details.columns} onChange={(v) => v && void update({ details: { ...mapping.details!, titleColumn: v } })} />
              <ColumnSelect label="Item category column" value={mapping.details.categoryColumn} columns={details.columns} optional="none" onChange={(v) => void update({ details: { ...mapping.details!, categoryColumn: v } })} />
            </>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p role="alert" className="error small">
          {error}
        </p>
      ) : null}
      {summary && !error ? (
        <p className="muted small" aria-label="Ratings summary">
          {formatCount(summary.ratings)} ratings ({summary.ratingMin}–{summary.ratingMax}) by {formatCount(summary.users)} users on {formatCount(summary.items)} items
          {summary.itemsWithTitles > 0 ? `, ${formatCount(summary.itemsWithTitles)} with titles` : ''}.
          {summary.duplicatesAveraged > 0 ? ` ${formatCount(summary.duplicatesAveraged)} repeated user–item ratings were averaged into one.` : ''}
          {summary.usersWithOneRating > 0 ? ` ${formatCount(summary.usersWithOneRating)} users have a single rating.` : ''}
        </p>
      ) : null}
      {summary?.titleMatch && !error ? <TitleMatchNote match={summary.titleMatch} /> : null}
      {notes.length > 0 && !error ? <p className="muted small">Suggested: {notes.join(' ')}</p> : null}
    </fieldset>
  );
}
