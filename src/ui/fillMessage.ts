/**
 * A message with its placeholders replaced: "整个图层（{count} 个）" → "整个图层（30 个）".
 * `{count|project|projects}` chooses a word by the number in `count` (English plurals: 1 is
 * singular, everything else plural), so "{count} {count|project|projects}" reads "1 project".
 */
export function fillMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (placeholder, name: string, singular?: string, plural?: string) => {
    if (!Object.hasOwn(values, name)) return placeholder;
    const value = values[name];
    if (singular === undefined || plural === undefined) return String(value);
    return Number(value) === 1 ? singular : plural;
  });
}
