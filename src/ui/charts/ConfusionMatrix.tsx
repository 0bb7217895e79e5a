import { formatCount } from '../format';

/** Rows are the true class, columns the predicted class; cells shaded by row share. Normalized shows each row's shares (sklearn normalize='true'). */
export function ConfusionMatrix({ labels, matrix, caption, normalized = false }: { labels: string[]; matrix: number[][]; caption: string; normalized?: boolean }) {
  return (
    // More than two classes: tighter cells, so three or four fit a third of the page.
    <table className={labels.length > 2 ? 'confusion compact' : 'confusion'} aria-label={caption}>
      <caption className="muted small">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="corner">true ↓ / predicted →</th>
          {labels.map((l) => (
            <th key={l} scope="col">{l}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, i) => {
          const total = row.reduce((a, b) => a + b, 0) || 1;
          return (
            <tr key={labels[i]}>
              <th scope="row">{labels[i]}</th>
              {row.map((v, j) => {
                const share = v / total;
                return (
                  <td key={j} className={i === j ? 'diag' : 'off'} style={{ background: i === j ? `rgba(16,185,129,${0.1 + share * 0.6})` : `rgba(239,68,68,${share * 0.6})` }} title={`${(share * 100).toFixed(1)}% of true ${labels[i]}`}>
                    {normalized ? (v / total).toFixed(2) : formatCount(v)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
