/** Placeholder while this view is being built on its branch (replaced there). */
export function PrivacyPanel() {
  return <section aria-label="Personal data"><h2>Personal data</h2></section>;
}
