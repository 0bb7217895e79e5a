import { useState } from 'react';
import type { SearchCandidate, SearchSpec } from '../../engine/api';
import { parseSearchValues, searchHint } from '../../core/models/settings';
import { useRuns } from '../../state/runs';
import { useSearch } from '../../state/search';

type Mode = 'cv' | 'grid' | 'random';

function fmt(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/** k-fold CV of the current settings, or grid / random search over some of them. */
export function SearchPanel() {
  const model = useRuns((s) => s.model);
  const kinds = useRuns((s) => s.modelKinds);
  const training = useRuns((s) => s.job);
  const { job, results, sortBy, message, run, cancel, setSort, exportFolds, trainCandidate } = useSearch();
  const [mode, setMode] = useState<Mode>('cv');
  const [k, setK] = useState(5);
  const [samples, setSamples] = useState(4);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!model) return null;
  // The kind's schema says which settings a search may vary and how their values are typed.
  const fields = (kinds.find((k) => k.kind === model.kind)?.settings ?? []).filter((f) => f.search);

  const start = () => {
    const space: SearchSpec['space'] = {};
    if (mode !== 'cv') {
      for (const f of fields) {
        const values = parseSearchValues(f, texts[f.key] ?? '');
        if (values === null) return setProblem(`${f.label}: ${searchHint(f)}.`);
        if (values.length) space[f.key] = values;
      }
      if (Object.keys(space).length === 0) return setProblem('Give values for at least one setting to search over.');
    }
    if (!(Number.isInteger(k) && k >= 2 && k <= 20)) return setProblem('Folds: a whole number from 2 to 20.');
    setProblem(null);
    void run({ mode: mode === 'random' ? 'random' : 'grid', space, samples, k });
  };

  const metricNames = results[0]?.cv.metrics.map((m) => m.name) ?? [];
  const sortName = sortBy && metricNames.includes(sortBy) ? sortBy : metricNames[0];
  const valueOf = (c: SearchCandidate) => c.cv.metrics.find((m) => m.name === sortName);
  const sorted = [...results].sort((a, b) => {
    const ma = valueOf(a);
    const mb = valueOf(b);
    const va = ma?.mean ?? NaN;
    const vb = mb?.mean ?? NaN;
    if (Number.isNaN(va) || Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1;
    return ma!.higherIsBetter ? vb - va : va - vb;
  });
  const settingKeys = [...new Set(results.flatMap((r) => Object.keys(r.settings)))];

  return (
    <div className="panel" role="region" aria-label="Cross-validation and search">
      <h2>Cross-validation and search</h2>
      <fieldset className="form-rows search-form" disabled={job !== null || training !== null}>
        <label>
          Mode
          <select aria-label="Search mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="cv">cross-validate current settings</option>
            <option value="grid">grid search</option>
            <option value="random">random search</option>
          </select>
        </label>
        <label>
          Folds (k)
          <input type="number" min={2} max={20} step={1} value={k} onChange={(e) => setK(e.target.valueAsNumber)} />
        </label>
        {mode === 'random' ? (
          <label>
            Candidates
            <input type="number" min={1} step={1} value={samples} onChange={(e) => setSamples(e.target.valueAsNumber)} />
          </label>
        ) : null}
        {mode !== 'cv'
          ? fields.map((f) => (
              <label key={f.key}>
                {f.label} values
                <input type="text" placeholder={f.type === 'layers' ? '64, 32; 32' : f.type === 'choice' ? f.options.map((o) => o.value).join(', ') : '0.1, 0.01'} value={texts[f.key] ?? ''} onChange={(e) => setTexts({ ...texts, [f.key]: e.target.value })} />
              </label>
            ))
          : null}
        <div className="row-gap">
          <button className="button primary" onClick={start}>
            {mode === 'cv' ? 'Run cross-validation' : 'Run search'}
          </button>
          <button className="button" onClick={() => void exportFolds(k)}>
            Download fold assignment (CSV)
          </button>
        </div>
      </fieldset>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      {job ? (
        <div className="row-gap">
          <progress aria-label="Search progress" max={Math.max(job.fitsTotal, 1)} value={job.fitsDone} />
          <span className="muted small">
            {job.fitsDone} of {job.fitsTotal || '…'} fits · {job.done} of {job.total || '…'} candidates done
            {job.workers > 1 ? ` · ${job.workers} workers` : ''}
          </span>
          <button className="button" onClick={() => void cancel()}>
            Cancel search
          </button>
        </div>
      ) : null}
      {message ? <p role="status" className="banner banner-warn">{message}</p> : null}
      {results.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table search-table" aria-label="Search results">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col" />
                {settingKeys.map((s) => (
                  <th key={s} scope="col">{fields.find((f) => f.key === s)?.label ?? s}</th>
                ))}
                {metricNames.map((m) => (
                  <th key={m} scope="col" aria-sort={m === sortName ? 'descending' : undefined}>
                    <button className="link-button" onClick={() => setSort(m)} title="Sort by this metric, best first">
                      {m}
                      {m === sortName ? ' ▼' : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((c, rank) => (
                <tr key={c.index}>
                  <th scope="row">{c.index + 1}</th>
                  <td>
                    <button className="button small" disabled={job !== null || training !== null} onClick={() => void trainCandidate(c)}>
                      {rank === 0 ? 'Train best config' : 'Train'}
                    </button>
                  </td>
                  {settingKeys.map((s) => (
                    <td key={s}>{s in c.settings ? fmt(c.settings[s]) : '—'}</td>
                  ))}
                  {c.cv.metrics.map((m) => (
                    <td key={m.name}>{m.mean === null ? '—' : `${m.mean.toFixed(3)} ± ${(m.std ?? 0).toFixed(3)}`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Mean ± standard deviation over {results[0].cv.k} stratified folds of the training split (the test split is not used). Training a config uses the full training split and
            the usual validation and test splits.
          </p>
        </div>
      ) : null}
    </div>
  );
}
