/** Placeholder while this panel is being built on its branch (replaced there). Rendered by ModelsView. */
export function MonitoringPanel() {
  return <section aria-label="Monitoring"><h3>Monitoring</h3></section>;
}
