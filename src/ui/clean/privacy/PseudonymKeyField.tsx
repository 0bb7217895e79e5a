/** The pseudonymisation key: typed by the user, held in this tab's memory only (state/pseudonymKey.ts). */
import { usePseudonymKey } from '../../../state/pseudonymKey';

/** Shorter keys can be found by trying: HMAC tokens are only as private as the key. */
const SHORT_KEY = 12;

export function PseudonymKeyField({ needed }: { needed: boolean }) {
  const key = usePseudonymKey((s) => s.key);
  const setKey = usePseudonymKey((s) => s.setKey);
  return (
    <div className="pii-key">
      <label>
        Pseudonymisation key{' '}
        <input type="password" autoComplete="off" spellCheck={false} value={key ?? ''} onChange={(e) => setKey(e.target.value)} placeholder="a long passphrase you keep" />
      </label>
      <p className="muted small">
        Loupe never stores this key: it stays in this tab's memory, is not in the recipe or the audit log, and is gone on reload. Keep it safe: the same key is needed to reproduce the same tokens (to join with another file pseudonymised the same way).
      </p>
      {key !== null && key.length < SHORT_KEY ? <p className="reason small">A key under {SHORT_KEY} characters can be guessed by trying: use a longer one.</p> : null}
      {needed && key === null ? <p className="banner banner-warn small" role="status">The recipe has a pseudonymise step: type the key here before applying it.</p> : null}
    </div>
  );
}
