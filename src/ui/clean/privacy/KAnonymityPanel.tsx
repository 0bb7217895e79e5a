/**
 * The k-anonymity report: the user ticks quasi-identifiers (columns someone could know from
 * elsewhere: age, postcode, dates), picks the k to reach, and sees k, the smallest groups and
 * how many rows stand below it. Group values are shown here only.
 */
import { useState } from 'react';
import type { ColumnKind } from '../../../engine/api';
import { EMPTY_K_STATE, usePrivacy } from '../../../state/privacy';
import { formatCount, formatPercent } from '../../format';
import { GeneraliseForm } from './GeneraliseForm';

export function KAnonymityPanel({ datasetId, columns, kinds, piiColumns }: { datasetId: string; columns: string[]; kinds: Record<string, ColumnKind>; piiColumns: Set<string> }) {
  const state = usePrivacy((s) => s.k[datasetId] ?? EMPTY_K_STATE);
  const setColumns = usePrivacy((s) => s.setQuasiIdentifiers);
  const setTargetK = usePrivacy((s) => s.setTargetK);
  const computeK = usePrivacy((s) => s.computeK);
  const [kText, setKText] = useState(String(state.targetK));
  const kValid = /^\d+$/.test(kText.trim()) && Number(kText) >= 1;
  const report = state.report;
  const toggle = (name: string, on: boolean) => setColumns(datasetId, on ? columns.filter((c) => c === name || state.columns.includes(c)) : state.columns.filter((c) => c !== name));

  return (
    <section className="panel" aria-label="k-anonymity">
      <h4>k-anonymity</h4>
      <p className="muted small">Tick the quasi-identifiers: columns that are not names but that someone could know from elsewhere (age, postcode, dates). Rows sharing all of them form a group; k is the smallest group.</p>
      <fieldset className="compare-pick" aria-label="Quasi-identifiers">
        {columns.map((c) => (
          <label key={c} className="feature">
            <input type="checkbox" checked={state.columns.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
            <span>{c}{piiColumns.has(c) ? <span className="muted small"> (personal data)</span> : null}</span>
          </label>
        ))}
      </fieldset>
      <div className="row-gap">
        <label>
          k to reach{' '}
          <input className="pii-amount" inputMode="numeric" aria-invalid={kValid ? undefined : true} value={kText} onChange={(e) => {
            setKText(e.target.value);
            if (/^\d+$/.test(e.target.value.trim()) && Number(e.target.value) >= 1) setTargetK(datasetId, Number(e.target.value));
          }} />
        </label>
        <button className="button primary" disabled={!kValid || state.columns.length === 0 || state.busy} onClick={() => void computeK(datasetId)}>
          {state.busy ? 'Computing…' : 'Compute k'}
        </button>
        {state.columns.length === 0 ? <span className="muted small">Choose at least one quasi-identifier.</span> : null}
      </div>
      {!kValid ? <p className="error small" role="alert">Type a whole number of at least 1 for k.</p> : null}
      {state.problem ? <p className="error" role="alert">{state.problem}</p> : null}
      {report ? (
        <div className="k-report" role="region" aria-label="k-anonymity report">
          <dl className="metric-cards">
            <div className="metric-card"><dt>k</dt><dd>{formatCount(report.k)}</dd></div>
            <div className="metric-card"><dt>Groups</dt><dd>{formatCount(report.groups)}</dd></div>
            <div className="metric-card"><dt>Rows to suppress for k = {report.targetK}</dt><dd>{formatCount(report.rowsToSuppress)} <span className="muted small">({formatPercent(report.rowsToSuppress / Math.max(report.rows, 1))})</span></dd></div>
          </dl>
          <p>
            {report.k === 1
              ? `At least one row is alone on ${report.columns.join(' + ')}: anyone who knows those values can single that person out.`
              : `Every row shares ${report.columns.join(' + ')} with at least ${report.k - 1} other${report.k === 2 ? '' : 's'}.`}{' '}
            {report.rowsToSuppress > 0
              ? `${formatCount(report.groupsBelowTarget)} group${report.groupsBelowTarget === 1 ? '' : 's'} (${formatCount(report.rowsToSuppress)} rows) are smaller than ${report.targetK}: suppress them, or generalise a column below to merge groups.`
              : `k = ${report.targetK} is reached without suppressing any row.`}
          </p>
          <div className="k-tables">
            <table className="data-table" aria-label="Group sizes">
              <thead><tr><th>Group size</th><th>Groups</th><th>Rows</th></tr></thead>
              <tbody>{report.distribution.map((d) => <tr key={d.label}><th scope="row">{d.label}</th><td>{formatCount(d.groups)}</td><td>{formatCount(d.rows)}</td></tr>)}</tbody>
            </table>
            <table className="data-table" aria-label="Smallest groups">
              <thead><tr><th>Rows</th>{report.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
              <tbody>{report.smallest.map((g, i) => <tr key={i}><th scope="row">{formatCount(g.size)}</th>{g.values.map((v, j) => <td key={j}>{v}</td>)}</tr>)}</tbody>
            </table>
          </div>
          <p className="muted small">The smallest groups' values are shown on this page only: they are not written to the audit log or the recipe.</p>
        </div>
      ) : null}
      <GeneraliseForm datasetId={datasetId} columns={state.columns.length ? state.columns : columns} kinds={kinds} />
    </section>
  );
}
