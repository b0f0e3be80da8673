/** A quick SVG picture of metric geometry, for eyeballing the generated district. */
import { boxOf, type Box, type Point, type Ring } from './geometry';

export interface PreviewLayer {
  rings?: Ring[][];
  lines?: Point[][];
  fill?: string;
  stroke?: string;
  strokeWidthPx?: number;
  opacity?: number;
  texts?: { point: Point; text: string; sizePx: number }[];
}

export function renderSvg(layers: readonly PreviewLayer[], widthPx: number, view?: Box): string {
  const all: Point[] = layers.flatMap((l) => [...(l.rings ?? []).flat(2), ...(l.lines ?? []).flat()]);
  const box = view ?? boxOf(all);
  const k = widthPx / (box.maxX - box.minX);
  const heightPx = Math.ceil((box.maxY - box.minY) * k);
  const xy = ([x, y]: Point): string => `${((x - box.minX) * k).toFixed(1)},${((box.maxY - y) * k).toFixed(1)}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}">`,
    `<rect width="100%" height="100%" fill="#f4f1ea"/>`,
  ];
  for (const layer of layers) {
    const style = `fill="${layer.fill ?? 'none'}" stroke="${layer.stroke ?? 'none'}" stroke-width="${layer.strokeWidthPx ?? 1}" opacity="${layer.opacity ?? 1}"`;
    for (const poly of layer.rings ?? []) {
      const d = poly.map((ring) => `M${ring.map(xy).join('L')}Z`).join('');
      parts.push(`<path d="${d}" fill-rule="evenodd" ${style}/>`);
    }
    for (const t of layer.texts ?? []) {
      const [x, y] = xy(t.point).split(',');
      parts.push(`<text x="${x}" y="${y}" font-size="${t.sizePx}" text-anchor="middle" font-family="Noto Sans CJK SC, sans-serif" fill="${layer.fill ?? '#333'}" stroke="#fff" stroke-width="3" paint-order="stroke">${t.text}</text>`);
    }
    for (const line of layer.lines ?? []) {
      parts.push(`<path d="M${line.map(xy).join('L')}" ${style} fill="none"/>`);
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}
