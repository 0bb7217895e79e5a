/** Placeholder while this panel is being built on its branch (replaced there). Rendered by CleanView for the selected dataset. */
export function PrivacyPanel(_props: { datasetId: string }) {
  return <section aria-label="Personal data"><h3>Personal data</h3></section>;
}
