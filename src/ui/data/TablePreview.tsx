import { useEffect, useMemo, useRef, useState } from 'react';
import type { RowPage } from '../../engine/api';
import { useDatasets } from '../../state/datasets';
import { formatCount } from '../format';

const ROW_HEIGHT = 28;
const VIEW_ROWS = 14;
const PAGE = 50;

/**
 * Virtualized preview: only the pages under the viewport are fetched from the worker and kept;
 * scrolling away drops them, so the main thread never holds the dataset.
 */
export function TablePreview({ datasetId, columns, rowCount }: { datasetId: string; columns: string[]; rowCount: number }) {
  const fetchRows = useDatasets((s) => s.fetchRows);
  const [scrollTop, setScrollTop] = useState(0);
  const [pages, setPages] = useState<Map<number, RowPage>>(new Map());
  const version = useDatasets((s) => s.byId[datasetId]);
  const scroller = useRef<HTMLDivElement>(null);

  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const last = Math.min(rowCount, first + VIEW_ROWS + 2);
  const needed = useMemo(() => {
    const list: number[] = [];
    for (let p = Math.floor(first / PAGE); p * PAGE < last; p++) list.push(p);
    return list;
  }, [first, last]);

  // A new dataset, or a re-read of this one, invalidates every cached page.
  useEffect(() => {
    setPages(new Map());
    scroller.current?.scrollTo({ top: 0 });
  }, [datasetId, version]);

  useEffect(() => {
    let live = true;
    for (const p of needed) {
      if (pages.has(p)) continue;
      void fetchRows(datasetId, p * PAGE, PAGE).then((page) => {
        if (!live || !page) return;
        setPages((old) => {
          const next = new Map<number, RowPage>();
          for (const [k, v] of old) if (needed.includes(k)) next.set(k, v);
          next.set(p, page);
          return next;
        });
      });
    }
    return () => {
      live = false;
    };
  }, [needed, datasetId, fetchRows, pages]);

  const rows: { index: number; cells: (string | null)[] | null }[] = [];
  for (let i = first; i < last; i++) {
    const page = pages.get(Math.floor(i / PAGE));
    rows.push({ index: i, cells: page ? (page.rows[i - page.offset] ?? null) : null });
  }

  return (
    <div className="table-wrap">
      <div
        className="table-scroll"
        ref={scroller}
        style={{ height: ROW_HEIGHT * (VIEW_ROWS + 1) + 2 }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        aria-label={`Rows of the dataset, ${formatCount(rowCount)} in all; scroll to page through them`}
      >
        <table role="grid" aria-rowcount={rowCount + 1}>
          <thead>
            <tr>
              <th className="rownum">#</th>
              {columns.map((c) => (
                <th key={c} scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />
            {rows.map((r) => (
              <tr key={r.index} style={{ height: ROW_HEIGHT }} aria-rowindex={r.index + 2}>
                <td className="rownum">{r.index + 1}</td>
                {columns.map((c, j) => {
                  const v = r.cells ? r.cells[j] : undefined;
                  return (
                    <td key={c} className={v === null ? 'missing' : undefined} title={v ?? undefined}>
                      {v === undefined ? '…' : v === null ? '—' : v}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr style={{ height: Math.max(0, rowCount - last) * ROW_HEIGHT }} aria-hidden="true" />
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Showing rows {formatCount(Math.min(first + 1, rowCount))}–{formatCount(last)} of {formatCount(rowCount)}; “—” is a missing value.
      </p>
    </div>
  );
}
