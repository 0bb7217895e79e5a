import { useRef } from 'react';
import { useDatasets } from '../../state/datasets';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.tab,.psv,.json,.jsonl,.ndjson,.data,.item,.parquet,.xlsx,text/csv,application/json';

/** File picker. The File handle goes to the worker; this thread never reads it. */
export function AddDataButton() {
  const input = useRef<HTMLInputElement>(null);
  const loadFile = useDatasets((s) => s.loadFile);
  const busy = useDatasets((s) => s.job !== null);
  return (
    <div className="add-data">
      <label className="button primary" htmlFor="add-data-input" aria-disabled={busy}>
        + Add data file
      </label>
      <input
        id="add-data-input"
        ref={input}
        className="visually-hidden"
        type="file"
        aria-label="Add data file"
        accept={ACCEPTED_FILES}
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void loadFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
