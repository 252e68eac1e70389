import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import { ApiError } from '../errors.js';

// Small pieces the CMS and the blog share.

export { isUniqueViolation } from '../crm/sales/sales-shared.js';

/** Ranked results page by position, not by id: the cursor carries the offset of the next page. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset }), 'utf8').toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: number; o?: unknown };
    if (parsed.v === 1 && Number.isInteger(parsed.o) && (parsed.o as number) >= 0 && (parsed.o as number) <= 100_000) return parsed.o as number;
  } catch {
    // fall through
  }
  throw new ApiError('bad_request', 'cursor is not a cursor this API returned.', [{ field: 'cursor', error: 'invalid_cursor', received: cursor }]);
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (with ESCAPE '\'). */
export const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Case-insensitive "contains" on a text column, the same on both engines. */
export const columnContains = (column: string, text: string) => sql<boolean>`lower(${sql.ref(column)}) LIKE ${likeContains(text)} ESCAPE '\\'`;

/**
 * `custom_fields` (JSON text) has `key` = `value`: json_extract on SQLite, the jsonb operator on
 * PostgreSQL. Both or neither of the two query parameters (400 otherwise).
 */
export function customFieldMatches(db: Executor, column: string, q: { custom_field_key?: string; custom_field_value?: string }) {
  const { custom_field_key: key, custom_field_value: value } = q;
  if (key === undefined && value === undefined) return null;
  if (key === undefined || value === undefined) {
    throw new ApiError('bad_request', 'custom_field_key and custom_field_value go together.', [
      { field: key === undefined ? 'custom_field_key' : 'custom_field_value', error: 'required' },
    ]);
  }
  if (dialectOf(db) === 'postgres') return sql<boolean>`(${sql.ref(column)}::jsonb ->> ${key}) = ${value}`;
  const path = `$."${key.replace(/["\\]/g, '')}"`;
  return sql<boolean>`json_extract(${sql.ref(column)}, ${path}) = ${value}`;
}
