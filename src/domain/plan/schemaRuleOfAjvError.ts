import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SchemaRule } from '../contract/schemaRuleText';

/** An error of Ajv (which checks the layer schemas) as the rule it reports, so it is worded like a contract's. */
export function schemaRuleOfAjvError(error: ErrorObject): SchemaRule {
  const { params } = error;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'required':
      return { keyword: 'required', property: String(params.missingProperty) };
    case 'additionalProperties':
      return { keyword: 'additionalProperties', property: String(params.additionalProperty) };
    case 'enum':
      return { keyword: 'enum', allowed: Array.isArray(params.allowedValues) ? params.allowedValues : [] };
    case 'const':
      return { keyword: 'const', allowed: params.allowedValue };
    case 'type':
      return { keyword: 'type', type: String(params.type) };
    case 'pattern':
      return { keyword: 'pattern', pattern: String(params.pattern) };
    case 'format':
      return { keyword: 'format', format: String(params.format) };
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'minProperties':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { keyword: error.keyword, limit };
    case 'uniqueItems': {
      const [first, repeated] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return { keyword: 'uniqueItems', first: first ?? 0, repeated: repeated ?? 0 };
    }
    case 'oneOf':
      return { keyword: 'oneOf', matching: Array.isArray(params.passingSchemas) ? params.passingSchemas.length : 0 };
    default:
      return { keyword: 'other', name: error.keyword, message: error.message ?? error.keyword };
  }
}
