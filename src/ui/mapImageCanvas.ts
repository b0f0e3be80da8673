/** A box on the image, in image pixels. */
export interface ImageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a map image's parts are drawn, and at what size. */
export interface MapImageCanvas {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  /** The map's place: under the title band. */
  map: ImageBox;
  /** Image pixels per layout unit: a CSS pixel on screen, 1/96 inch on paper. */
  unit: number;
  /** A canvas font of `size` layout units. */
  font: (weight: number, size: number) => string;
}

export const INK = '#1d2430';
export const PANEL = 'rgba(255,255,255,0.92)';

/** Whether two boxes share any area. */
export function boxesOverlap(a: ImageBox, b: ImageBox): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
