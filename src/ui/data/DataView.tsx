import { useEffect } from 'react';
import { useDatasets } from '../../state/datasets';
import { usePrivacy } from '../../state/privacy';
import { formatBytes, formatCount } from '../format';
import { ColumnCard } from './ColumnCard';
import { MemoryNote } from './MemoryNote';
import { ParseSettingsBar } from './ParseSettingsBar';
import { TablePreview } from './TablePreview';

export function DataView() {
  const profile = useDatasets((s) => (s.activeId ? s.byId[s.activeId] : null));
  // Every new version (re-read, retyped column) is checked again; the engine keeps one answer per version.
  useEffect(() => {
    if (profile) void usePrivacy.getState().detect(profile.id);
  }, [profile]);
  if (!profile) {
    return (
      <section className="empty">
        <h2>Add a dataset to begin</h2>
        <p className="muted">CSV, TSV or other delimited text, JSON (an array of records) or JSON Lines. It is read inside this tab and never uploaded.</p>
      </section>
    );
  }
  return (
    <section aria-label={`Dataset ${profile.name}`} className="data-view">
      <div className="dataset-header">
        <h1>{profile.name}</h1>
        <dl className="stats">
          <div><dt>Rows</dt><dd>{formatCount(profile.rowCount)}</dd></div>
          <div><dt>Columns</dt><dd>{profile.columnCount}</dd></div>
          <div><dt>Duplicate rows</dt><dd>{formatCount(profile.duplicateRows)}</dd></div>
          <div><dt>Memory</dt><dd>{formatBytes(profile.memoryBytes)}</dd></div>
        </dl>
        <MemoryNote />
      </div>
      <ParseSettingsBar profile={profile} />
      {profile.warnings.length > 0 ? (
        <ul className="warnings" aria-label="Warnings">
          {profile.warnings.map((w, i) => (
            <li key={i} className="banner banner-warn">
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="section-title">Columns</h2>
      <div className="column-grid">
        {profile.columns.map((c) => (
          <ColumnCard key={c.name} column={c} rowCount={profile.rowCount} />
        ))}
      </div>
      <h2 className="section-title">Rows</h2>
      <TablePreview datasetId={profile.id} columns={profile.columns.map((c) => c.name)} rowCount={profile.rowCount} />
    </section>
  );
}
