/** The audit log: every data action, newest first, with the CSV export. It holds no cell values. */
import { useWorkspace } from '../../state/workspace';

const SHOWN = 200;

export function AuditLogTable() {
  const entries = useWorkspace((s) => s.audit);
  const exportCsv = useWorkspace((s) => s.exportAuditCsv);
  const newest = entries.slice(-SHOWN).reverse();
  return (
    <section aria-labelledby="audit-title" className="workspace-section">
      <div className="row-between">
        <h3 id="audit-title">Audit log</h3>
        <button className="button small" onClick={() => void exportCsv()} disabled={entries.length === 0}>
          Export audit log (CSV)
        </button>
      </div>
      <p className="small muted">What was loaded, cleaned, trained, exported, imported, locked or removed, and when: names and counts only, never a value from your data.</p>
      {entries.length === 0 ? (
        <p className="small muted">Nothing recorded yet.</p>
      ) : (
        <div className="table-scroll audit-scroll" tabIndex={0} aria-label="Audit log entries">
          <table className="results-table audit-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {newest.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td className="small">{new Date(e.at).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' })}</td>
                  <td>{e.action}</td>
                  <td>{e.target}</td>
                  <td className="small">{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length > SHOWN ? <p className="small muted">The newest {SHOWN} of {entries.length} are shown; the CSV has them all.</p> : null}
    </section>
  );
}
