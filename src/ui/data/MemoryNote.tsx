import type { MemoryReport } from '../../engine/api';
import { useDatasets } from '../../state/datasets';
import { formatBytes } from '../format';

/** One line under the dataset's stats: what the engine holds in all, against the memory budget. */
export function MemoryNote() {
  const memory = useDatasets((s) => s.memory);
  if (!memory) return null;
  return (
    <p className="small muted memory-note" aria-label="Memory held by Loupe">
      {describeMemory(memory)}
    </p>
  );
}

function describeMemory(memory: MemoryReport): string {
  const count = (kind: string, one: string, many: string) => {
    const n = memory.resources.filter((r) => r.kind === kind || (kind === 'comparison' && r.kind.endsWith('-comparison'))).length;
    return n === 0 ? null : `${n} ${n === 1 ? one : many}`;
  };
  const parts = [count('dataset', 'dataset', 'datasets'), count('run', 'run', 'runs'), count('saved-model', 'reloaded model', 'reloaded models'), count('comparison', 'comparison', 'comparisons')].filter(Boolean);
  return `Loupe holds ${formatBytes(memory.heldBytes)} of its ${formatBytes(memory.budgetBytes)} memory budget${parts.length ? ` (${parts.join(', ')})` : ''}.`;
}
