export interface MetricCard {
  label: string;
  value: number | null;
  note?: string | null;
  digits?: number;
}

/** Headline numbers; a metric that cannot be computed says why instead of showing NaN. */
export function MetricCards({ cards }: { cards: MetricCard[] }) {
  return (
    <dl className="metric-cards">
      {cards.map((c) => (
        <div key={c.label} className="metric-card">
          <dt>{c.label}</dt>
          <dd title={c.note ?? undefined}>{c.value == null || !Number.isFinite(c.value) ? <span className="muted small">{c.note ?? 'n/a'}</span> : c.value.toFixed(c.digits ?? 3)}</dd>
        </div>
      ))}
    </dl>
  );
}
