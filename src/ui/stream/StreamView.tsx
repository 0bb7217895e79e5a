/** Placeholder while this view is being built on its branch (replaced there). */
export function StreamView() {
  return <section aria-label="Stream replay"><h2>Stream replay</h2></section>;
}
