import { Type } from '@sinclair/typebox';
import { ApiError } from '../errors.js';

// Cursor pagination over ids. Ids sort by creation time (see ids.ts), so "newest first" is
// `ORDER BY id DESC` and the cursor is the last id of the page, wrapped so clients treat it as
// opaque. Rows inserted while a client pages are newer than its cursor and never shift a page.

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Page size, 1..100.' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `next_cursor` of the previous page.' })),
};

export interface PageRequest {
  limit: number;
  afterId?: string;
}

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ v: 1, id }), 'utf8').toString('base64url');
}

export function pageRequest(query: { limit?: number; cursor?: string }): PageRequest {
  const limit = query.limit ?? 50;
  if (query.cursor === undefined || query.cursor === '') return { limit };
  try {
    const parsed = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as { v?: number; id?: unknown };
    if (parsed.v === 1 && typeof parsed.id === 'string' && parsed.id.length < 100) return { limit, afterId: parsed.id };
  } catch {
    // fall through
  }
  throw new ApiError('bad_request', 'cursor is not a cursor this API returned.', [
    { field: 'cursor', error: 'invalid_cursor', received: query.cursor },
  ]);
}

/** Repositories fetch `limit + 1` rows; this trims the extra row and makes the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(items[items.length - 1]!.id) };
}
