import { MonitoringPanel } from './MonitoringPanel';

/** Placeholder while this view is being built on its branch (replaced there); renders the Monitoring panel. */
export function ModelsView() {
  return (
    <section aria-label="Model versions and monitoring">
      <h2>Model versions and monitoring</h2>
      <MonitoringPanel />
    </section>
  );
}
