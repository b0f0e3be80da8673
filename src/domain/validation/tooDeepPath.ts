/**
 * The path (reference tokens) to the first value nested deeper than `maxDepth` arrays/objects
 * below `value` (which is level 1), or undefined. Iterative, so hostile depth cannot overflow
 * the stack (docs/input-rules.md, A6).
 */
export function tooDeepPath(value: unknown, maxDepth: number): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry || typeof entry.value !== 'object' || entry.value === null) continue;
    if (entry.path.length >= maxDepth) return entry.path;
    if (Array.isArray(entry.value)) entry.value.forEach((item: unknown, index) => stack.push({ value: item, path: [...entry.path, index] }));
    else for (const [key, item] of Object.entries(entry.value)) stack.push({ value: item, path: [...entry.path, key] });
  }
  return undefined;
}
