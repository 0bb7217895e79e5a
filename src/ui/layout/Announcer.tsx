/** One polite live region for the whole page: screen readers hear when a long job completes. */
import { useUi } from '../../state/ui';

export function Announcer() {
  const announcement = useUi((s) => s.announcement);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="announcer">
      {announcement}
    </div>
  );
}
