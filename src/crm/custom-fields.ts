import { Type } from '@sinclair/typebox';
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
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

type CustomFieldParams = { custom_field_key?: string; custom_field_value?: string };

/**
 * The filter condition, or null when no custom-field filter was asked for. SQLite reads the
 * text column with json_extract, PostgreSQL casts it to jsonb and takes `->>`. (The form without
 * `db` is the SQLite spelling, kept for callers written before PostgreSQL.)
 */
export function customFieldFilter(db: Kysely<any>, q: CustomFieldParams, column?: string): ReturnType<typeof sqliteFilter>;
export function customFieldFilter(q: CustomFieldParams, column?: string): ReturnType<typeof sqliteFilter>;
export function customFieldFilter(...args: unknown[]) {
  const withDb = args[0] !== null && typeof (args[0] as Kysely<any>).getExecutor === 'function';
  const [db, q, column = 'custom_fields'] = (withDb ? args : [undefined, ...args]) as [Kysely<any> | undefined, CustomFieldParams, string | undefined];
  return sqliteFilter(q, column, db !== undefined && dialectOf(db) === 'postgres');
}

function sqliteFilter(q: CustomFieldParams, column: string, postgres: boolean) {
  const { custom_field_key: key, custom_field_value: value } = q;
  if (key === undefined && value === undefined) return null;
  if (key === undefined || value === undefined) {
    throw new ApiError('bad_request', 'custom_field_key and custom_field_value go together.', [
      { field: key === undefined ? 'custom_field_key' : 'custom_field_value', error: 'required' },
    ]);
  }
  if (postgres) return sql<boolean>`(${sql.ref(column)}::jsonb ->> ${key}) = ${value}`;
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
