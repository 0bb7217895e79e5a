import { useEffect, type RefObject } from 'react';
import { useUi, type ViewName } from '../../state/ui';

/** Focus `target` when `view` was opened by a button (useUi.openView), so a keyboard user lands in it. */
export function useFocusWhenOpened(view: ViewName, target: RefObject<HTMLElement | null>, ready = true): void {
  const focusView = useUi((s) => s.focusView);
  useEffect(() => {
    if (focusView !== view || !ready || !target.current) return;
    target.current.focus();
    useUi.getState().focusTaken();
  }, [focusView, view, ready, target]);
}
