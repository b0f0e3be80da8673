/** A message with its {name} placeholders replaced: "整个图层（{count} 个）" → "整个图层（30 个）". */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}
