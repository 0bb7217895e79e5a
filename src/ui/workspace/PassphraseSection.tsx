/** Passphrase and lock: set, change or remove the passphrase; Lock forgets the key. */
import { useState } from 'react';
import { useWorkspace } from '../../state/workspace';

export function PassphraseSection() {
  const state = useWorkspace((s) => s.state);
  const notice = useWorkspace((s) => s.notice);
  const setPassphrase = useWorkspace((s) => s.setPassphrase);
  const removePassphrase = useWorkspace((s) => s.removePassphrase);
  const lock = useWorkspace((s) => s.lock);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  if (!state || state.status !== 'ready') return null;
  const hasPassphrase = state.protection === 'passphrase';
  const mismatch = second.length > 0 && first !== second;
  const tooShort = first.length > 0 && first.length < 8;
  const shown = notice && (notice.about === 'passphrase' || notice.about === 'lock') ? notice : null;
  return (
    <section className="workspace-section" aria-labelledby="passphrase-title">
      <h3 id="passphrase-title">Passphrase and lock</h3>
      <p className="small muted">
        {hasPassphrase
          ? 'A passphrase protects the saved workspace: it is asked for when Loupe opens. Lock closes everything now and forgets the key.'
          : 'With a passphrase, the saved workspace opens only with it (PBKDF2-SHA-256, 600,000 iterations), and you can lock it. There is no way to recover a forgotten passphrase.'}
      </p>
      <form
        className="form-rows"
        onSubmit={(e) => {
          e.preventDefault();
          if (mismatch || tooShort || first.length === 0) return;
          setBusy(true);
          void setPassphrase(first).finally(() => {
            setBusy(false);
            setFirst('');
            setSecond('');
          });
        }}
      >
        <label>
          {hasPassphrase ? 'New passphrase' : 'Passphrase'}
          <input type="password" autoComplete="new-password" value={first} onChange={(e) => setFirst(e.target.value)} aria-invalid={tooShort} />
        </label>
        <label>
          Repeat it
          <input type="password" autoComplete="new-password" value={second} onChange={(e) => setSecond(e.target.value)} aria-invalid={mismatch} />
        </label>
        {tooShort ? <span className="error small">Use at least 8 characters.</span> : mismatch ? <span className="error small">The two passphrases differ.</span> : null}
        <div className="row-gap">
          <button className="button small" type="submit" disabled={busy || first.length === 0 || mismatch || tooShort || second.length === 0}>
            {busy ? 'Encrypting…' : hasPassphrase ? 'Change passphrase' : 'Set passphrase'}
          </button>
          {hasPassphrase ? (
            <>
              <button className="button small" type="button" onClick={() => void lock()}>
                Lock
              </button>
              <button className="ghost small" type="button" onClick={() => void removePassphrase()}>
                Remove passphrase
              </button>
            </>
          ) : null}
        </div>
      </form>
      {shown ? (
        <p role={shown.tone === 'error' ? 'alert' : 'status'} className={`small ${shown.tone === 'error' ? 'error' : 'ok-text'}`}>
          {shown.text}
        </p>
      ) : null}
    </section>
  );
}
