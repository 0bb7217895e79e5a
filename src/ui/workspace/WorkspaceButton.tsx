/** The header's Workspace button: where the work is saved, in a word, and the panel behind it. */
import { useWorkspace } from '../../state/workspace';

export function WorkspaceButton() {
  const state = useWorkspace((s) => s.state);
  const open = useWorkspace((s) => s.panelOpen);
  const setOpen = useWorkspace((s) => s.setPanelOpen);
  const word = !state ? 'Opening…' : state.status === 'locked' ? 'Locked' : state.status === 'off' ? 'Not saved' : state.problem ? 'Not saved: storage full' : state.pending ? 'Saving…' : 'Saved';
  const tone = !state || state.status === 'locked' ? 'muted' : state.status === 'off' || state.problem ? 'error' : 'ok';
  return (
    <button className="button small workspace-button" aria-expanded={open} aria-controls="workspace-panel" onClick={() => setOpen(!open)} title="Saving, passphrase and lock, project file, storage and the audit log">
      Workspace{' '}
      <span className={`workspace-chip ${tone}`} data-testid="workspace-status" data-protection={state?.protection ?? ''}>
        {state?.protection === 'passphrase' ? (
          <svg viewBox="0 0 16 16" width="10" height="10" role="img" aria-label="key-protected" style={{ verticalAlign: '-1px', marginRight: 4 }}>
            <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
        ) : null}
        {word}
      </span>
    </button>
  );
}
