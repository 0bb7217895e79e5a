import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readStartupConfig } from '../state/config';
import { useDatasets } from '../state/datasets';
import { useEngine } from '../state/engine';
import { useWorkspace } from '../state/workspace';
import { App } from './App';
import { warnBeforeLeaving } from './leaveWarning';
import './styles.css';

const deviceMemory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
const config = readStartupConfig(window.location.search, deviceMemory);

warnBeforeLeaving();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void useEngine
  .getState()
  .start(config)
  .then(async () => {
    // `?bench=1`: npm run bench drives the engine API directly (same worker, same code paths).
    if (new URLSearchParams(window.location.search).get('bench') === '1') {
      (window as unknown as { loupeEngine?: unknown }).loupeEngine = useEngine.getState().connection?.engine;
    }
    if (useEngine.getState().status !== 'ready') return;
    // The saved workspace first, so the lists show what it restored (the demo datasets are in it).
    await useWorkspace.getState().open(config.persist);
    await useDatasets.getState().refresh();
  });
