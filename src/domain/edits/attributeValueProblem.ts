/** Keys that would reach Object.prototype through an assignment (docs/input-rules.md, G1). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why `value` cannot be stored as a GeoJSON attribute, or undefined when it can: it must be
 * JSON (finite numbers, no functions or class instances) with no prototype-polluting keys at
 * any depth, since the file is parsed again by every client and by QGIS.
 */
export function attributeValueProblem(value: unknown, depth = 0): { zh: string; en: string } | undefined {
  if (depth > 32) return { zh: '嵌套过深', en: 'is nested too deeply' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : { zh: '不是有限的数字', en: 'is not a finite number' };
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = attributeValueProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { zh: `含有不允许的键 "${key}"`, en: `has the forbidden key "${key}"` };
      const problem = attributeValueProblem(item, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return { zh: '不是 JSON 值', en: 'is not a JSON value' };
}
