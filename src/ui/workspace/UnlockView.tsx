/** Shown instead of the views while the workspace is locked: the passphrase, or deleting it all. */
import { useState } from 'react';
import { useWorkspace } from '../../state/workspace';

export function UnlockView() {
  const unlock = useWorkspace((s) => s.unlock);
  const clear = useWorkspace((s) => s.clear);
  const notice = useWorkspace((s) => s.notice);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <section className="panel unlock-view" aria-labelledby="unlock-title">
      <h2 id="unlock-title">The workspace is locked</h2>
      <p className="small muted">
        Your datasets, runs and models are saved in this browser, encrypted with your passphrase. Nothing of them is open until you unlock it; Loupe never stored the passphrase
        or the key.
      </p>
      <form
        className="row-gap"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void unlock(passphrase).finally(() => setBusy(false));
        }}
      >
        <label>
          Passphrase{' '}
          <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus />
        </label>
        <button className="button" type="submit" disabled={busy || passphrase.length === 0}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      {notice?.about === 'unlock' && notice.tone === 'error' ? (
        <p role="alert" className="error small">
          {notice.text}
        </p>
      ) : null}
      <details className="small unlock-forgot">
        <summary>Forgot the passphrase?</summary>
        <p className="muted">Without it the saved workspace cannot be opened by anyone. You can delete it and start afresh; a .loupe project file you exported has its own passphrase.</p>
        {confirmDelete ? (
          <span className="row-gap">
            <button className="button small danger" onClick={() => void clear()}>
              Yes, delete the saved workspace
            </button>
            <button className="ghost small" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button className="button small" onClick={() => setConfirmDelete(true)}>
            Delete the saved workspace…
          </button>
        )}
      </details>
    </section>
  );
}
