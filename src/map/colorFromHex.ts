export type Rgba = [number, number, number, number];

/** Parses `#rrggbb` into deck.gl's 0-255 RGBA; malformed input falls back to neutral grey. */
export function colorFromHex(hex: string, alpha = 255): Rgba {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return [128, 128, 128, alpha];
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/** Multiplies each channel toward black; outlines use a darker shade of their fill. */
export function darken([red, green, blue, alpha]: Rgba, factor: number): Rgba {
  return [Math.round(red * factor), Math.round(green * factor), Math.round(blue * factor), alpha];
}
