import type { ColumnKind, ColumnProfile } from '../../engine/api';
import { useDatasets } from '../../state/datasets';
import { findingFor, usePrivacy } from '../../state/privacy';
import { PiiBadge } from './PiiBadge';
import { MiniBars } from '../charts/MiniBars';
import { formatCount, formatNumber, formatPercent } from '../format';

const KINDS: ColumnKind[] = ['numeric', 'integer', 'boolean', 'categorical', 'datetime', 'text', 'identifier'];

function formatValue(kind: ColumnKind, x: number): string {
  return kind === 'datetime' ? new Date(x).toISOString().slice(0, 10) : formatNumber(x);
}

export function ColumnCard({ column, rowCount }: { column: ColumnProfile; rowCount: number }) {
  const setColumnKind = useDatasets((s) => s.setColumnKind);
  const numeric = column.numeric;
  const activeId = useDatasets((s) => s.activeId);
  const finding = usePrivacy((s) => (activeId ? findingFor(s.detections[activeId], column.name) : null));
  const protectedAs = usePrivacy((s) => (activeId ? s.detections[activeId]?.protectedColumns[column.name] ?? null : null));
  return (
    <article className="column-card" aria-label={`Column ${column.name}`}>
      <header>
        <h3 title={column.name}>{column.name}</h3>
        <select
          aria-label={`Type of ${column.name}`}
          className={`kind kind-${column.kind}`}
          value={column.kind}
          onChange={(e) => void setColumnKind(column.name, e.target.value as ColumnKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </header>
      {finding ? <PiiBadge finding={finding} /> : null}
      {protectedAs ? <p className="pii-badge pii-protected" title="A step of the recipe that made this version protected this column.">Personal data {protectedAs}</p> : null}
      <dl className="column-stats">
        <div>
          <dt>Missing</dt>
          <dd>
            {formatCount(column.missing)}
            {column.missing > 0 ? <span className="muted"> ({formatPercent(column.missing / Math.max(rowCount, 1))})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Distinct</dt>
          <dd>{formatCount(column.distinct)}</dd>
        </div>
        {numeric ? (
          <>
            <div><dt>Min</dt><dd>{formatValue(column.kind, numeric.min)}</dd></div>
            <div><dt>Max</dt><dd>{formatValue(column.kind, numeric.max)}</dd></div>
            {column.kind !== 'datetime' ? (
              <>
                <div><dt>Mean</dt><dd>{formatNumber(numeric.mean)}</dd></div>
                <div><dt>Std</dt><dd>{formatNumber(numeric.std)}</dd></div>
              </>
            ) : null}
          </>
        ) : null}
        {column.meanLength != null ? (
          <div><dt>Mean length</dt><dd>{formatNumber(column.meanLength)} chars</dd></div>
        ) : null}
      </dl>
      {numeric && column.kind !== 'identifier' && numeric.histogram.length > 0 ? (
        <>
          <MiniBars
            ariaLabel={`Histogram of ${column.name}`}
            bars={(numeric.central?.bins ?? numeric.histogram).map((b) => ({ label: `${formatValue(column.kind, b.x0)} – ${formatValue(column.kind, b.x1)}`, count: b.count }))}
          />
          {numeric.central ? (
            // A few extreme values would squeeze the full range into one bar: show the middle 99%.
            <p className="muted small">
              Middle 99% shown; {outside(numeric.central.below, 'below')}
              {numeric.central.below > 0 && numeric.central.above > 0 ? ', ' : ''}
              {outside(numeric.central.above, 'above')} (min {formatValue(column.kind, numeric.min)}, max {formatValue(column.kind, numeric.max)}).
            </p>
          ) : null}
        </>
      ) : null}
      {column.kind === 'identifier' ? (
        <p className="muted small">
          {formatPercent(column.distinct / Math.max(rowCount - column.missing, 1))} of values are unique: an identifier, not a pattern to learn from.
        </p>
      ) : null}
      {!numeric && column.kind !== 'identifier' && column.top && column.top.length > 0 ? (
        <MiniBars horizontal ariaLabel={`Most frequent values of ${column.name}`} bars={column.top.slice(0, 6).map((t) => ({ label: t.value.length > 14 ? `${t.value.slice(0, 13)}…` : t.value, count: t.count }))} />
      ) : null}
    </article>
  );
}

function outside(count: number, side: 'below' | 'above'): string {
  return count > 0 ? `${count.toLocaleString('en')} value${count === 1 ? '' : 's'} ${side}` : '';
}
