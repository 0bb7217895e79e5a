/** Placeholder while this view is being built on its branch (replaced there). */
export function CleanView() {
  return <section aria-label="Cleaning recipes"><h2>Cleaning recipes</h2></section>;
}
