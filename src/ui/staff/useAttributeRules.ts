import { useEffect, useState } from 'react';
import { attributeSchemaCheck, attributeSchemaTypes, type AttributeCheck } from '../../domain/edits/attributeSchemaCheck';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { createGeodataValidator } from '../../domain/plan/schemaValidation';
import { fetchGeodataSchemas } from '../../data/fetchGeodataSchemas';
import { layerSchema } from '../../domain/plan/layerSchema';

/** A layer's attribute rules as the server applies them on save. */
export interface AttributeRules {
  check: AttributeCheck;
  /** The JSON types the schema allows for a property (e.g. ["integer"]). */
  typesOf: (property: string) => string[];
}

const loaded = new WeakMap<LayerDefinition, Promise<AttributeRules | undefined>>();
/** Rules already read, so a form mounted again (after each applied edit) checks from its first render. */
const ready = new WeakMap<LayerDefinition, AttributeRules>();

async function loadRules(definition: LayerDefinition): Promise<AttributeRules | undefined> {
  const schemas = await fetchGeodataSchemas(new URL('geodata/schema/', document.baseURI).href);
  if (!schemas) return undefined;
  const derived = layerSchema(definition);
  return {
    check: attributeSchemaCheck(createGeodataValidator(schemas), definition),
    typesOf: (property) => attributeSchemaTypes(derived, property),
  };
}

function rulesFor(definition: LayerDefinition): Promise<AttributeRules | undefined> {
  let rules = loaded.get(definition);
  if (!rules) {
    rules = loadRules(definition).catch(() => undefined);
    loaded.set(definition, rules);
    // Unreadable schemas are asked for again next time; the server still checks on save.
    void rules.then((result) => {
      if (result) ready.set(definition, result);
      else loaded.delete(definition);
    });
  }
  return rules;
}

export type AttributeRulesState =
  | { status: 'loading' }
  | { status: 'ready'; rules: AttributeRules }
  /** The schemas cannot be read: forms go unchecked and the server still checks on save. */
  | { status: 'unavailable' };

const LOADING: AttributeRulesState = { status: 'loading' };
const UNAVAILABLE: AttributeRulesState = { status: 'unavailable' };

/** The layer's attribute rules once its schemas are read. */
export function useAttributeRules(definition: LayerDefinition): AttributeRulesState {
  const [read, setRead] = useState<{ definition: LayerDefinition; rules: AttributeRules | undefined } | undefined>();
  useEffect(() => {
    if (ready.has(definition)) return;
    let live = true;
    void rulesFor(definition).then((result) => { if (live) setRead({ definition, rules: result }); });
    return () => { live = false; };
  }, [definition]);
  const rules = ready.get(definition);
  if (rules) return { status: 'ready', rules };
  return read?.definition === definition ? UNAVAILABLE : LOADING;
}
