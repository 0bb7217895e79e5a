import type { BackendName } from '../../engine/api';
import { useEngine } from '../../state/engine';
import { WorkspaceButton } from '../workspace/WorkspaceButton';

function formatGflops(g: number | null): string {
  if (g == null) return '';
  return g >= 10 ? `${g.toFixed(0)} GFLOP/s` : `${g.toFixed(1)} GFLOP/s`;
}

export function Header() {
  const compute = useEngine((s) => s.compute);
  const switching = useEngine((s) => s.switching);
  const backendError = useEngine((s) => s.backendError);
  const switchBackend = useEngine((s) => s.switchBackend);

  return (
    <header className="header">
      <div className="brand">
        <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
          <circle cx="13" cy="13" r="9" fill="none" stroke="currentColor" strokeWidth="4" />
          <line x1="20" y1="20" x2="29" y2="29" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
        </svg>
        <span>Loupe</span>
      </div>
      <span className="privacy" title="Files are read and modelled inside this browser tab. Nothing is uploaded.">
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" style={{ verticalAlign: '-1px', marginRight: 4 }}>
          <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        Your data stays on this device
      </span>
      <WorkspaceButton />
      <div className="backend">
        <label htmlFor="backend-select">Compute backend</label>
        <select
          id="backend-select"
          value={compute?.active ?? ''}
          disabled={!compute || switching}
          onChange={(e) => void switchBackend(e.target.value as BackendName)}
        >
          {!compute ? <option value="">probing…</option> : null}
          {compute?.probes.map((p) => (
            <option key={p.name} value={p.name} disabled={!p.available} title={p.detail}>
              {p.name}
              {p.available ? ` · ${formatGflops(p.gflops)}` : ' · unavailable'}
            </option>
          ))}
        </select>
        {compute ? (
          <span className="muted small" data-testid="backend-detail">
            {compute.chosenBy === 'probe' ? 'fastest measured' : compute.chosenBy === 'forced' ? 'set by URL' : 'your choice'}
            {' · '}
            {compute.probes.find((p) => p.name === compute.active)?.detail}
          </span>
        ) : null}
        {backendError ? (
          <span role="alert" className="error small">
            {backendError}
          </span>
        ) : null}
      </div>
    </header>
  );
}
