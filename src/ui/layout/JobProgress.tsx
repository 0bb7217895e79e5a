/** What every long job shows while it runs: a title, a progress bar, what it is doing, elapsed time, Cancel. */
import { useEffect, useState, type ReactNode, type Ref } from 'react';

/** Seconds since `startedAt`, re-rendered twice a second while a job runs (null: no job, no timer). */
export function useElapsedSeconds(startedAt: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, (now - startedAt) / 1000);
}

export function JobProgress(props: {
  title: string;
  /** The progress bar's accessible name. */
  label: string;
  value: number;
  max?: number;
  message: string;
  startedAt: number;
  cancelLabel?: string;
  onCancel(): void;
  children?: ReactNode;
  /** The panel and its heading, for a view that scrolls to the job and moves focus to it. */
  panelRef?: Ref<HTMLDivElement>;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const elapsed = useElapsedSeconds(props.startedAt);
  return (
    <div className="panel" aria-live="polite" ref={props.panelRef}>
      <div className="row-between">
        <h2 ref={props.headingRef} tabIndex={props.headingRef ? -1 : undefined}>
          {props.title}
        </h2>
        <button className="button" onClick={props.onCancel}>
          {props.cancelLabel ?? 'Cancel'}
        </button>
      </div>
      <div className="progress-row">
        <progress aria-label={props.label} max={props.max ?? 1} value={props.value} />
        <span className="small">
          {props.message} · {elapsed.toFixed(1)} s
        </span>
      </div>
      {props.children}
    </div>
  );
}
