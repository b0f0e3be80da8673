import type { LocalizedText, StatusDefinition } from './manifest';
import { safeText } from '../validation/safeText';

/** A status colour a map reader may not tell apart from another status's or from the basemap. */
export interface CloseColourWarning {
  statusId: string;
  message: LocalizedText;
}

/** A colour the plan fills are drawn over (the basemap's land), and how the warning names it. */
export interface BackdropColour {
  name: LocalizedText;
  color: string;
}

/**
 * CIE76 ΔE below which two fills read as one colour on a map at a glance. ΔE 2.3 is the just
 * noticeable difference side by side; small patches apart on a map need several times that.
 */
export const CLOSE_COLOUR_DELTA_E = 10;

/**
 * Warnings for each status of a layer whose colour is too close to an earlier status's or, drawn
 * with `fillAlpha` (0–1) over a backdrop, to that backdrop. Warnings, not errors: a bureau may
 * want two statuses in one colour on purpose.
 */
export function closeColourWarnings(statuses: readonly Pick<StatusDefinition, 'id' | 'label' | 'color'>[], backdrops: readonly BackdropColour[], fillAlpha: number): CloseColourWarning[] {
  const warnings: CloseColourWarning[] = [];
  statuses.forEach((status, index) => {
    const lab = labOfHex(status.color);
    if (!lab) return;
    for (const other of statuses.slice(0, index)) {
      const otherLab = labOfHex(other.color);
      if (otherLab && deltaE(lab, otherLab) < CLOSE_COLOUR_DELTA_E)
        warnings.push({
          statusId: status.id,
          message: {
            zh: `“${safeText(status.label.zh)}”的颜色与“${safeText(other.label.zh)}”太接近，地图上难以分辨；请换一个更深或更浅、色相不同的颜色`,
            en: `the colour of “${safeText(status.label.en)}” is too close to “${safeText(other.label.en)}” to tell apart on the map; pick one darker, lighter or of another hue`,
          },
        });
    }
    for (const backdrop of backdrops) {
      const backdropRgb = rgbOfHex(backdrop.color);
      const rgb = rgbOfHex(status.color);
      if (!backdropRgb || !rgb) continue;
      const drawn = rgb.map((channel, i) => channel * fillAlpha + (backdropRgb[i] ?? 0) * (1 - fillAlpha)) as Rgb;
      if (deltaE(labOfRgb(drawn), labOfRgb(backdropRgb)) < CLOSE_COLOUR_DELTA_E)
        warnings.push({
          statusId: status.id,
          message: {
            zh: `“${safeText(status.label.zh)}”的颜色画在${backdrop.name.zh}上几乎看不出来；请选一个更深的颜色`,
            en: `“${safeText(status.label.en)}” barely shows on the ${backdrop.name.en}; pick a stronger colour`,
          },
        });
    }
  });
  return warnings;
}

type Rgb = [number, number, number];
type Lab = [number, number, number];

function rgbOfHex(hex: string): Rgb | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return match ? [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)] : undefined;
}

function labOfHex(hex: string): Lab | undefined {
  const rgb = rgbOfHex(hex);
  return rgb ? labOfRgb(rgb) : undefined;
}

/** sRGB (0–255) to CIELAB under D65, by the sRGB and CIE 1976 formulas. */
function labOfRgb(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: Lab, b: Lab): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
