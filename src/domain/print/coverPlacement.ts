/** Which part of a source image fills a target box, and at what scale. */
export interface CoverPlacement {
  sourceX: number;
  sourceY: number;
  sourceWidth: number;
  sourceHeight: number;
  /** Target pixels per source pixel: 1 when the source has the pixels, more when it had to be drawn smaller. */
  scale: number;
}

/**
 * The centred part of `source` that fills `target`: cropped pixel for pixel when the source is large
 * enough, else enlarged just enough to cover it (cropped, never distorted, never shrunk).
 */
export function coverPlacement(source: { width: number; height: number }, target: { width: number; height: number }): CoverPlacement {
  const scale = Math.max(1, target.width / source.width, target.height / source.height);
  const sourceWidth = target.width / scale;
  const sourceHeight = target.height / scale;
  return { sourceX: (source.width - sourceWidth) / 2, sourceY: (source.height - sourceHeight) / 2, sourceWidth, sourceHeight, scale };
}
