import { useEffect } from 'react';
import { useDatasets } from '../../state/datasets';

/**
 * On a mode's first visit (nothing mapped yet, no error shown), proposes a dataset: the active
 * one if its name looks right, else the first loaded one that does, else the active or first one.
 */
export function useFirstDataset(looksRight: RegExp, mapped: boolean, suggest: (datasetId: string) => unknown): void {
  const order = useDatasets((s) => s.order);
  const byId = useDatasets((s) => s.byId);
  const activeId = useDatasets((s) => s.activeId);
  useEffect(() => {
    if (mapped || order.length === 0) return;
    const fits = (id: string) => looksRight.test(byId[id]?.name ?? '');
    void suggest(activeId && fits(activeId) ? activeId : (order.find(fits) ?? activeId ?? order[0]));
  }, [looksRight, mapped, order, byId, activeId, suggest]);
}
