/** Placeholder while this view is being built on its branch (replaced there). */
export function AnomalyPanel() {
  return <section aria-label="Anomalies"><h2>Anomalies</h2></section>;
}
