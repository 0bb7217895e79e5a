/** Placeholder while this panel is being built on its branch (replaced there). Rendered by CleanView for the selected dataset. */
export function AnomalyPanel(_props: { datasetId: string }) {
  return <section aria-label="Anomalies"><h3>Anomalies</h3></section>;
}
