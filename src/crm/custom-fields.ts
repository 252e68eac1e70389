import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { ApiError } from '../errors.js';

// `custom_fields` on contacts, companies, leads, deals, tickets and queues: a string map with
// Stripe-like limits, filterable with `custom_field_key` + `custom_field_value` (both or neither).

export const CustomFields = Type.Record(Type.String(), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Your own fields: up to 50 keys of up to 40 characters, string values up to 500 characters.',
});

export const CustomFieldQuery = {
  custom_field_key: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  custom_field_value: Type.Optional(Type.String({ maxLength: 500 })),
};

/** The filter condition, or null when no custom-field filter was asked for. */
export function customFieldFilter(q: { custom_field_key?: string; custom_field_value?: string }, column = 'custom_fields') {
  const { custom_field_key: key, custom_field_value: value } = q;
  if (key === undefined && value === undefined) return null;
  if (key === undefined || value === undefined) {
    throw new ApiError('bad_request', 'custom_field_key and custom_field_value go together.', [
      { field: key === undefined ? 'custom_field_key' : 'custom_field_value', error: 'required' },
    ]);
  }
  // The key is a JSON path segment; it is quoted, and quotes and backslashes are refused above.
  const path = `$."${key.replace(/["\\]/g, '')}"`;
  return sql<boolean>`json_extract(${sql.ref(column)}, ${path}) = ${value}`;
}

/** Stripe-style merge for PATCH: a key set to "" or null is removed. */
export function mergeCustomFields(current: string, patch: Record<string, string | null> | undefined): string {
  if (!patch) return current;
  const next = { ...(JSON.parse(current) as Record<string, string>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === '') delete next[k];
    else next[k] = v;
  }
  if (Object.keys(next).length > 50) {
    throw new ApiError('validation_error', 'custom_fields may hold at most 50 keys', [{ field: 'custom_fields', error: 'too_many_keys' }]);
  }
  return JSON.stringify(next);
}
