import { useRef, useState, type ReactNode } from 'react';
import { saveBlob } from '../../state/download';
import { useRuns } from '../../state/runs';
import { chartPngBlob, chartSvgBlob } from './chartFile';

/** A chart's heading with small "PNG" / "SVG" buttons that save the chart as drawn. */
export function SaveChart({ heading, label, file, level = 3, children }: { heading: ReactNode; label: string; file: string; level?: 2 | 3; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const runId = useRuns((s) => s.selectedRunId);
  const [failed, setFailed] = useState(false);
  const stem = `loupe-${runId ?? 'run'}-${file}`;
  const save = async (kind: 'png' | 'svg') => {
    const chart = ref.current;
    const blob = chart ? (kind === 'svg' ? chartSvgBlob(chart) : await chartPngBlob(chart)) : null;
    setFailed(!blob);
    if (blob) saveBlob(`${stem}.${kind}`, blob);
  };
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <div className="chart-head">
        <Heading>{heading}</Heading>
        <span className="chart-save" role="group" aria-label={`Save ${label}`}>
          <button className="button small" aria-label={`Save ${label} as PNG`} title="Save this chart as a PNG image" onClick={() => void save('png')}>PNG</button>
          <button className="button small" aria-label={`Save ${label} as SVG`} title="Save this chart as an SVG drawing" onClick={() => void save('svg')}>SVG</button>
        </span>
      </div>
      {failed ? <p role="alert" className="error small">This chart could not be saved: it has not been drawn yet.</p> : null}
      <div ref={ref}>{children}</div>
    </>
  );
}
