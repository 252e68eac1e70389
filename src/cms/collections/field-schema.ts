import { type Static, Type } from '@sinclair/typebox';
import type { Executor } from '../../db/database.js';
import { ApiError, type ErrorDetail } from '../../errors.js';
import type { Scope } from '../../scope.js';

// A collection's field schema and the check every entry of it passes. A field named `title` is
// the entry's own `title` (the seed's blog_posts example declares one and sends the title beside
// `fields`). Values are checked by type; `reference` values must be entries of this workspace
// (of `collection_id` when the field names one). Every problem is reported at once, each naming
// `fields.<key>`.

export const FIELD_TYPES = ['string', 'markdown', 'number', 'boolean', 'date', 'url', 'reference'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FieldDefinition = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Lowercase letters, digits and `_`, starting with a letter; unique in the collection.', 'x-example': 'body' }),
    type: Type.Union(FIELD_TYPES.map((t) => Type.Literal(t)), {
      description: '`string` (up to 10,000 characters), `markdown` (up to 200,000), `number`, `boolean`, `date` (`YYYY-MM-DD` or an ISO 8601 date-time), `url` (http or https), `reference` (an `ent_` id of this workspace).',
    }),
    required: Type.Optional(Type.Boolean({ default: false, description: 'Entries must carry a value (not null, not an empty string).' })),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    collection_id: Type.Optional(Type.String({ maxLength: 100, description: '`reference` only: the `col_` collection the referenced entry must belong to.' })),
  },
  { additionalProperties: false },
);
export type FieldDefinition = Static<typeof FieldDefinition>;

export const CollectionSchemaBody = Type.Object(
  { fields: Type.Array(FieldDefinition, { maxItems: 100 }) },
  { additionalProperties: false, description: 'The fields every entry of the collection is checked against.' },
);
export type CollectionSchema = Static<typeof CollectionSchemaBody>;

export const ENTRY_TITLE_FIELD = 'title';
const MAX_STRING = 10_000;
const MAX_MARKDOWN = 200_000;

/** 422 on duplicate keys, a non-string `title` field, or `collection_id` on a non-reference field. */
export function checkCollectionSchema(schema: CollectionSchema): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  schema.fields.forEach((f, i) => {
    if (seen.has(f.key)) details.push({ field: `schema.fields[${i}].key`, error: 'duplicate_key', received: f.key });
    seen.add(f.key);
    if (f.key === ENTRY_TITLE_FIELD && f.type !== 'string') details.push({ field: `schema.fields[${i}].type`, error: 'title_is_a_string', received: f.type });
    if (f.collection_id !== undefined && f.type !== 'reference') details.push({ field: `schema.fields[${i}].collection_id`, error: 'only_for_reference', received: f.collection_id });
  });
  if (details.length) throw new ApiError('validation_error', `The collection schema is not valid: ${details.map((d) => `${d.field} ${d.error}`).join(', ')}.`, details);
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isDate(v: string): boolean {
  if (DATE_ONLY.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }
  return DATE_TIME.test(v) && !Number.isNaN(Date.parse(v));
}

function isHttpUrl(v: string): boolean {
  if (v.length > 2048) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function typeProblem(f: FieldDefinition, v: unknown): string | null {
  switch (f.type) {
    case 'string':
      return typeof v !== 'string' ? 'must_be_string' : v.length > MAX_STRING ? 'too_long' : null;
    case 'markdown':
      return typeof v !== 'string' ? 'must_be_string' : v.length > MAX_MARKDOWN ? 'too_long' : null;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must_be_number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must_be_boolean';
    case 'date':
      return typeof v === 'string' && isDate(v) ? null : 'must_be_date';
    case 'url':
      return typeof v === 'string' && isHttpUrl(v) ? null : 'must_be_url';
    case 'reference':
      return typeof v === 'string' && /^ent_[0-9A-Za-z]{1,96}$/.test(v) ? null : 'must_be_entry_id';
  }
}

/**
 * The entry's fields as stored: unknown keys, missing required values, wrong types and
 * references to entries that do not exist are one 422 listing each field. Nulls (and, for
 * non-required fields, empty strings) are dropped.
 */
export async function validateEntryFields(
  db: Executor,
  scope: Scope,
  schema: CollectionSchema,
  title: string,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const details: ErrorDetail[] = [];
  const byKey = new Map(schema.fields.map((f) => [f.key, f]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const def = byKey.get(key);
    if (!def) {
      details.push({ field: `fields.${key}`, error: 'unknown_field', allowed: schema.fields.map((f) => f.key) });
      continue;
    }
    if (key === ENTRY_TITLE_FIELD) continue; // the entry's title is the value
    if (value === null || (value === '' && !def.required)) continue;
    const problem = typeProblem(def, value);
    // A value too long (or not a scalar) is not echoed back whole.
    const echo = problem === 'too_long' || (typeof value === 'object' && value !== null) ? {} : { received: typeof value === 'string' ? value.slice(0, 200) : value };
    if (problem) details.push({ field: `fields.${key}`, error: problem, ...echo, expected_type: def.type });
    else out[key] = value;
  }
  for (const def of schema.fields) {
    const value = def.key === ENTRY_TITLE_FIELD ? title : out[def.key];
    if (def.required && isBlank(value) && !details.some((d) => d.field === `fields.${def.key}`)) {
      details.push({ field: `fields.${def.key}`, error: 'required', expected_type: def.type });
    }
  }
  for (const def of schema.fields) {
    const value = out[def.key];
    if (def.type !== 'reference' || typeof value !== 'string') continue;
    let q = db.selectFrom('cms_entries').select('id').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', value);
    if (def.collection_id) q = q.where('collection_id', '=', def.collection_id);
    if (!(await q.executeTakeFirst())) details.push({ field: `fields.${def.key}`, error: 'reference_not_found', received: value });
  }
  if (details.length) {
    throw new ApiError('validation_error', `The entry does not match its collection's schema: ${details.map((d) => `${d.field} ${d.error}`).join(', ')}.`, details);
  }
  return out;
}

/** The text of an entry's fields that full-text search (and the knowledge tool) reads. */
export function fieldText(schema: CollectionSchema, fields: Record<string, unknown>): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const def of schema.fields) {
    const v = fields[def.key];
    if (v === undefined || v === null || def.type === 'reference' || def.type === 'url') continue;
    out.push({ key: def.key, text: String(v) });
  }
  return out;
}
