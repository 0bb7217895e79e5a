import { useDatasets } from '../../state/datasets';
import { PrivacyPanel } from './privacy/PrivacyPanel';

/** Placeholder while this view is being built on its branch (replaced there); renders the privacy panel for the selected dataset meanwhile. */
export function CleanView() {
  const activeId = useDatasets((s) => s.activeId);
  return (
    <section aria-label="Cleaning recipes">
      <h2>Cleaning recipes</h2>
      {activeId ? <PrivacyPanel datasetId={activeId} /> : null}
    </section>
  );
}
