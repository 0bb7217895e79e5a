import { useState } from 'react';
import { useExplain } from '../../state/explain';

/** Pick the row to explain: most confident mistakes, a search box, or a row number. */
export function RowPicker() {
  const worst = useExplain((s) => s.worst);
  const matches = useExplain((s) => s.matches);
  const rowIndex = useExplain((s) => s.rowIndex);
  const selectRow = useExplain((s) => s.selectRow);
  const search = useExplain((s) => s.search);
  const [query, setQuery] = useState('');
  return (
    <div className="panel row-picker">
      <h2>Pick a prediction</h2>
      <label className="search-row">
        Find a row{' '}
        <input
          type="search"
          value={query}
          placeholder="row number or text, e.g. 42 or Berlin"
          onChange={(e) => {
            setQuery(e.target.value);
            void search(e.target.value);
          }}
        />
      </label>
      {matches.length > 0 ? (
        <ul className="match-list" aria-label="Matching rows">
          {matches.map((m) => (
            <li key={m.rowIndex}>
              <button className="item-link" onClick={() => void selectRow(m.rowIndex)}>
                <strong>Row {m.rowIndex}</strong> <span className="muted small">({m.split}) {m.preview}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : query.trim() ? (
        <p className="muted small">No row matches “{query}”.</p>
      ) : null}
      <h3 className="section-title">Most confident mistakes (test split)</h3>
      {worst.length === 0 ? (
        <p className="muted small">No wrong predictions on the test split.</p>
      ) : (
        <table className="data-table worst-table" aria-label="Worst errors">
          <thead>
            <tr>
              <th>Row</th>
              <th>Actual</th>
              <th>Predicted</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {worst.map((w) => (
              <tr key={w.rowIndex} className={w.rowIndex === rowIndex ? 'selected' : undefined}>
                <td>
                  <button className="item-link" onClick={() => void selectRow(w.rowIndex)} aria-label={`Explain row ${w.rowIndex}`}>
                    {w.rowIndex}
                  </button>
                </td>
                <td>{w.actual}</td>
                <td>{w.predicted}</td>
                <td>{w.score.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
