/** Asks the browser to confirm leaving while work would be lost (see state/leaveWarning.ts). */
import { useDatasets } from '../state/datasets';
import { workWouldBeLost } from '../state/leaveWarning';
import { useRecommend } from '../state/recommend';
import { useRuns } from '../state/runs';
import { useWorkspace } from '../state/workspace';

export function warnBeforeLeaving(): void {
  // Read at the moment of leaving, so no store change re-renders anything for this.
  window.addEventListener('beforeunload', (event) => {
    const datasets = useDatasets.getState();
    // A recommender comparison is a run too: minutes of work on a big catalogue (and not saved with the workspace).
    const comparison = useRecommend.getState().result ? 1 : 0;
    const runCount = useRuns.getState().runs.length + comparison;
    const state = useWorkspace.getState().state;
    const lost = workWouldBeLost({ datasetIds: datasets.order, untouchedDemoIds: datasets.untouchedDemoIds, runCount, workspace: state ? { status: state.status, pending: state.pending } : null }) || (comparison > 0 && state?.status === 'ready');
    if (!lost) return;
    event.preventDefault();
    // Older Chromium shows the prompt only when returnValue is set.
    event.returnValue = '';
  });
}
