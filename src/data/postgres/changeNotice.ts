/** The channel every server LISTENs on; a save NOTIFYs it inside its transaction, so it is heard only once committed. */
export const CHANGE_CHANNEL = 'plan_map_changes';

/** One committed change, as its NOTIFY payload says it (the schema tells districts in one database apart). */
export type ChangeNotice = { schema: string; version: string } & ({ layer: string } | { document: string });

export function parseChangeNotice(payload: string | undefined): ChangeNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<Record<'schema' | 'version' | 'layer' | 'document', unknown>>;
    if (typeof value.schema !== 'string' || typeof value.version !== 'string') return null;
    if (typeof value.layer === 'string') return { schema: value.schema, version: value.version, layer: value.layer };
    if (typeof value.document === 'string') return { schema: value.schema, version: value.version, document: value.document };
    return null;
  } catch {
    return null;
  }
}
