import { useDatasets } from '../../state/datasets';
import { AddDataButton } from '../data/AddDataButton';
import { LoadProgress } from '../data/LoadProgress';
import { SameNameChoice } from '../data/SameNameChoice';
import { formatBytes, formatCount } from '../format';

export function Sidebar() {
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const activeId = useDatasets((s) => s.activeId);
  const select = useDatasets((s) => s.select);
  const remove = useDatasets((s) => s.remove);

  return (
    <aside className="sidebar" aria-label="Datasets">
      <h2 className="sidebar-title">Datasets</h2>
      <AddDataButton />
      <LoadProgress />
      <SameNameChoice />
      {order.length === 0 ? <p className="muted small">No datasets yet. Add a CSV, TSV, JSON, JSON Lines, Parquet or Excel file, or drop one anywhere on the page.</p> : null}
      <ul className="dataset-list" aria-label="Loaded datasets">
        {order.map((id) => {
          const d = byId[id];
          return (
            <li key={id} className={id === activeId ? 'dataset active' : 'dataset'}>
              <button className="dataset-select" aria-current={id === activeId} onClick={() => select(id)}>
                <span className="dataset-name">{d.name}</span>
                <span className="muted small">
                  {formatCount(d.rowCount)} rows · {d.columnCount} columns · {formatBytes(d.memoryBytes)}
                </span>
                {d.lineage ? <span className="muted small">cleaned from {d.lineage.parentName} · {d.lineage.recipe.steps.length} steps</span> : null}
              </button>
              <button className="ghost remove" aria-label={`Remove ${d.name}`} title={`Remove ${d.name}`} onClick={() => void remove(id)}>
                ✕
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
