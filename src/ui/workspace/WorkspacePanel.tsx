/**
 * The Workspace panel (header button): how the work is saved and protected, the project file,
 * storage used, and the audit log. Opens over the views; Escape or Close shuts it.
 */
import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../state/workspace';
import { formatBytes } from '../format';
import { AuditLogTable } from './AuditLogTable';
import { PassphraseSection } from './PassphraseSection';
import { ProjectSection } from './ProjectSection';

export function WorkspacePanel() {
  const open = useWorkspace((s) => s.panelOpen);
  const setOpen = useWorkspace((s) => s.setPanelOpen);
  const state = useWorkspace((s) => s.state);
  const quota = useWorkspace((s) => s.quota);
  const notice = useWorkspace((s) => s.notice);
  const clear = useWorkspace((s) => s.clear);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);
  if (!open || !state) return null;

  const saving =
    state.status === 'off'
      ? state.offReason
      : state.status === 'locked'
        ? 'Locked: nothing of the saved workspace is open.'
        : `Every change is saved in this browser, encrypted (AES-GCM-256) with ${state.protection === 'passphrase' ? 'a key from your passphrase, held only while unlocked' : 'a random key this browser keeps and the page cannot read'}.${state.pending ? ' Saving…' : state.savedAt ? ` Last saved ${new Date(state.savedAt).toLocaleTimeString('en-GB')}${state.lastSave && state.lastSave.records > 0 ? ` (${state.lastSave.records} records, ${formatBytes(state.lastSave.bytes)}, ${state.lastSave.ms < 1000 ? `${Math.round(state.lastSave.ms)} ms` : `${(state.lastSave.ms / 1000).toFixed(1)} s`})` : ''}.` : ''}`;
  const used = quota && quota.quotaBytes > 0 ? quota.usedBytes / quota.quotaBytes : null;

  return (
    <aside id="workspace-panel" className="workspace-panel" role="dialog" aria-modal="false" aria-labelledby="workspace-title">
      <div className="row-between">
        <h2 id="workspace-title" ref={heading} tabIndex={-1}>
          Workspace
        </h2>
        <button className="ghost" onClick={() => setOpen(false)} aria-label="Close the workspace panel">
          ✕ Close
        </button>
      </div>
      <section className="workspace-section" aria-labelledby="saving-title">
        <h3 id="saving-title">Saving</h3>
        <p className="small">{saving}</p>
        {state.problem ? (
          <p role="alert" className="banner banner-error small">
            {state.problem}
          </p>
        ) : null}
        <div className="progress-row">
          <meter aria-label="Storage used" min={0} max={1} value={used ?? 0} high={0.9} />
          <span className="small" data-testid="storage-quota">
            {quota ? `${formatBytes(quota.usedBytes)} used of ${formatBytes(quota.quotaBytes)} this browser allows Loupe` : 'The browser does not say how much storage it allows.'}
          </span>
        </div>
      </section>
      <PassphraseSection />
      <ProjectSection />
      <AuditLogTable />
      <section className="workspace-section" aria-labelledby="delete-title">
        <h3 id="delete-title">Delete</h3>
        <p className="small muted">Removes the saved workspace from this browser and closes every dataset and run in this tab. The audit log keeps a line saying so.</p>
        {confirmDelete ? (
          <span className="row-gap">
            <button className="button small danger" onClick={() => void clear().then(() => setConfirmDelete(false))}>
              Yes, delete everything
            </button>
            <button className="ghost small" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button className="button small" onClick={() => setConfirmDelete(true)}>
            Delete saved workspace…
          </button>
        )}
        {notice?.about === 'delete' ? <p className="small ok-text">{notice.text}</p> : null}
      </section>
    </aside>
  );
}
