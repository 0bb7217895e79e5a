/**
 * A canvas that follows its box's width at the screen's pixel ratio, for the charts that draw
 * large point sets on a canvas (ScatterCanvas, BeeswarmCanvas).
 */
import { useEffect, useRef, useState } from 'react';

export function pixelRatio(): number {
  return typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
}

/** The box and canvas refs, and the box's width in CSS pixels (0 until it is measured). */
export function useCanvasBox() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { box, canvas, width };
}

/** The canvas's 2-D context, cleared and scaled to CSS pixels; null before it can draw. */
export function clearedContext(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext('2d');
  if (!ctx || width === 0) return null;
  const ratio = pixelRatio();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
