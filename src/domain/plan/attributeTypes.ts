import type { JsonSchema } from '../contract/Contract';

/** The value types a manifest may give an attribute (`attributes[].type`). */
export const ATTRIBUTE_TYPE_NAMES = ['text', 'integer', 'number'] as const;
export type AttributeTypeName = (typeof ATTRIBUTE_TYPE_NAMES)[number];

/** Plan quantities (households, seats, 亿元 invested) are never negative. */
export const ATTRIBUTE_TYPE_SCHEMAS: Record<AttributeTypeName, JsonSchema> = {
  text: { type: 'string' },
  integer: { type: 'integer', minimum: 0 },
  number: { type: 'number', minimum: 0 },
};
