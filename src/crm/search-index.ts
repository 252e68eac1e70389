import { type Kysely, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import type { Scope } from '../scope.js';

// One full-text index (table crm_search) for every CRM `query` filter. A resource's service calls
// indexDocument in the transaction that creates or changes it, with the text users search (name,
// email, company, notes ...). Queries match every word as a prefix.
// SQLite: an FTS5 table (unicode61, diacritics removed). PostgreSQL: the body is stored folded
// the same way here (lowercase, no diacritics, punctuation as spaces) and searched through its
// generated tsvector (GIN index), so both engines split text into the same words.

export type SearchableType = 'contact' | 'company' | 'lead' | 'deal_stage' | 'ticket' | 'activity';

export async function indexDocument(db: Executor, scope: Scope, type: SearchableType, id: string, parts: (string | null | undefined)[]): Promise<void> {
  await removeDocument(db, id);
  const text = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' \n ');
  const body = dialectOf(db) === 'postgres' ? foldForSearch(text) : text;
  await db.insertInto('crm_search').values({ resource_id: id, resource_type: type, workspace_id: scope.workspaceId, mode: scope.mode, body }).execute();
}

export async function removeDocument(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('crm_search').where('resource_id', '=', id).execute();
}

/** Words as FTS5's unicode61 tokenizer sees them: letters and digits, lowercased, without diacritics. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const userWords = (userQuery: string) => (userQuery.normalize('NFKC').match(/[\p{L}\p{N}@._+-]+/gu) ?? []).slice(0, 16);

/** Turns what a user typed into an FTS5 query: each word a quoted prefix, all required. Null: nothing searchable. */
export function ftsQuery(userQuery: string): string | null {
  const terms = userWords(userQuery).map((w) => `"${w.replace(/"/g, '""')}"*`);
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * The same query for PostgreSQL's to_tsquery: each word a phrase of its folded tokens, the last
 * one a prefix (as FTS5 reads `"john@exa"*`), all words required.
 */
export function tsQuery(userQuery: string): string | null {
  const phrases = userWords(userQuery)
    .map((w) => foldForSearch(w).split(' ').filter(Boolean))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => `(${tokens.map((t, i) => `'${t}'${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ')})`);
  return phrases.length ? phrases.join(' & ') : null;
}

/**
 * A condition for `.where(...)`: the row's id is among the documents of `type` matching `query`
 * in this workspace and mode. Use as `q.where(matchesSearch(db, scope, 'contact', query))`.
 * (The form without `db` is the SQLite spelling, kept for callers written before PostgreSQL.)
 */
export function matchesSearch(db: Kysely<any>, scope: Scope, type: SearchableType, query: string, idColumn?: string): ReturnType<typeof sqliteMatch>;
export function matchesSearch(scope: Scope, type: SearchableType, query: string, idColumn?: string): ReturnType<typeof sqliteMatch>;
export function matchesSearch(...args: unknown[]) {
  if (args[0] && typeof (args[0] as Kysely<any>).getExecutor === 'function') {
    const [db, scope, type, query, idColumn = 'id'] = args as [Kysely<any>, Scope, SearchableType, string, string | undefined];
    return dialectOf(db) === 'postgres' ? postgresMatch(scope, type, query, idColumn) : sqliteMatch(scope, type, query, idColumn);
  }
  const [scope, type, query, idColumn = 'id'] = args as [Scope, SearchableType, string, string | undefined];
  return sqliteMatch(scope, type, query, idColumn);
}

function sqliteMatch(scope: Scope, type: SearchableType, query: string, idColumn: string) {
  const match = ftsQuery(query);
  if (match === null) return sql<boolean>`0 = 1`;
  return sql<boolean>`${sql.ref(idColumn)} IN (SELECT resource_id FROM crm_search WHERE crm_search MATCH ${match}
    AND resource_type = ${type} AND workspace_id = ${scope.workspaceId} AND mode = ${scope.mode})`;
}

function postgresMatch(scope: Scope, type: SearchableType, query: string, idColumn: string) {
  const match = tsQuery(query);
  if (match === null) return sql<boolean>`0 = 1`;
  return sql<boolean>`${sql.ref(idColumn)} IN (SELECT resource_id FROM crm_search WHERE body_tsv @@ to_tsquery('simple', ${match})
    AND resource_type = ${type} AND workspace_id = ${scope.workspaceId} AND mode = ${scope.mode})`;
}
