import { colorFromHex } from '../../map/colorFromHex';

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** WCAG 2 relative luminance of `#rrggbb` (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance); NaN when malformed. */
function luminance(hex: string): number {
  if (!HEX_COLOR.test(hex)) return Number.NaN;
  const linear = colorFromHex(hex).slice(0, 3).map((channel) => {
    const fraction = channel / 255;
    return fraction <= 0.03928 ? fraction / 12.92 : ((fraction + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1..21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((left, right) => right - left);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** WCAG 1.4.11: lines that carry meaning need 3:1 against what they are drawn on. */
const GRAPHICS_CONTRAST = 3;

/**
 * The layer's colour, mixed toward white (on a dark background) or black (on a light one) in
 * tenths until its line stands out 3:1 from the background: a dark brown layer stays brown-ish
 * on the dark present theme instead of vanishing.
 */
export function readableColor(color: string, background: string): string {
  if (!HEX_COLOR.test(color)) return color;
  const channels = colorFromHex(color).slice(0, 3);
  if (contrastRatio(color, background) >= GRAPHICS_CONTRAST) return color;
  const toward = luminance(background) < 0.5 ? 255 : 0;
  for (let tenth = 1; tenth <= 10; tenth++) {
    const mixed = `#${channels.map((channel) => Math.round(channel + ((toward - channel) * tenth) / 10).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(mixed, background) >= GRAPHICS_CONTRAST) return mixed;
  }
  return color;
}
