/** Forward at most one call per interval (plus the last one), so progress never floods the UI thread. */
export function throttle<T>(send: (value: T) => void, intervalMs: number): { push(value: T): void; flush(): void } {
  let last = 0;
  let pending: T | undefined;
  let hasPending = false;
  return {
    push(value) {
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        hasPending = false;
        send(value);
      } else {
        pending = value;
        hasPending = true;
      }
    },
    flush() {
      if (hasPending) send(pending as T);
      hasPending = false;
    },
  };
}
