import { useRuns } from '../../state/runs';
import { useShare } from '../../state/share';

/** A link that reproduces this experiment on the same file: configuration only, never data. */
export function SharePanel() {
  const link = useShare((s) => s.link);
  const message = useShare((s) => s.message);
  const pending = useShare((s) => s.pending);
  const share = useShare((s) => s.share);
  const currentConfig = useRuns((s) => s.currentConfig);
  const setup = useRuns((s) => s.setup);
  return (
    <div className="row-gap share-row">
      <button className="button" disabled={!setup} onClick={() => { const c = currentConfig(); if (c) share(c); }}>
        Share configuration
      </button>
      {link ? <input className="share-link" readOnly aria-label="Share link" value={link} onFocus={(e) => e.target.select()} /> : null}
      <span className="muted small">The link holds the target, features, model settings and seed — no data. A colleague with the same file reproduces the run.</span>
      {pending ? <p role="status" className="banner">A shared configuration is waiting for a file with a “{pending.target}” column.</p> : null}
      {message ? <p role="alert" className="banner banner-warn">{message}</p> : null}
    </div>
  );
}
