/**
 * A chart on screen saved as a file: its SVG as drawn (recharts or our own), standalone, or that
 * SVG rasterised to PNG on a canvas. Everything stays in the page: blob: URLs, no network.
 */

/** The chart's own SVG: the largest one in the container (recharts also draws small legend icons as SVG). */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of container.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > bestArea) (best = svg), (bestArea = r.width * r.height);
  }
  return best;
}

/** Standalone SVG text: namespace, size, a white background and a font, so it opens the same anywhere. */
export function chartSvgText(container: HTMLElement): { text: string; width: number; height: number } | null {
  const svg = chartSvg(container);
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** Large point sets are drawn on a canvas (ScatterCanvas, the beeswarm): those charts save as their pixels. */
function chartCanvas(container: HTMLElement): HTMLCanvasElement | null {
  return container.querySelector('canvas');
}

/** A canvas chart as SVG: its pixels as an embedded PNG at the size it shows on screen. */
function canvasSvgText(canvas: HTMLCanvasElement): string {
  const { width, height } = canvas.getBoundingClientRect();
  const w = Math.round(width);
  const h = Math.round(height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="white"/><image width="${w}" height="${h}" href="${canvas.toDataURL('image/png')}"/></svg>`;
}

export function chartSvgBlob(container: HTMLElement): Blob | null {
  const svg = chartSvgText(container);
  if (svg) return new Blob([svg.text], { type: 'image/svg+xml' });
  const canvas = chartCanvas(container);
  return canvas ? new Blob([canvasSvgText(canvas)], { type: 'image/svg+xml' }) : null;
}

/** The SVG drawn onto a canvas at twice its size, so the PNG stays sharp in slides and prints. */
export async function chartPngBlob(container: HTMLElement, scale = 2): Promise<Blob | null> {
  const svg = chartSvgText(container);
  if (!svg) {
    const canvas = chartCanvas(container);
    return canvas ? new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png')) : null;
  }
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
