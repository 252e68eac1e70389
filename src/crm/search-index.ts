import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Scope } from '../scope.js';

// One full-text index (SQLite FTS5, table crm_search) for every CRM `query` filter. A resource's
// service calls indexDocument in the transaction that creates or changes it, with the text users
// search (name, email, company, notes ...). Queries match every word as a prefix.

export type SearchableType = 'contact' | 'company' | 'lead' | 'deal_stage' | 'ticket' | 'activity';

export async function indexDocument(db: Executor, scope: Scope, type: SearchableType, id: string, parts: (string | null | undefined)[]): Promise<void> {
  await removeDocument(db, id);
  const body = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' \n ');
  await db.insertInto('crm_search').values({ resource_id: id, resource_type: type, workspace_id: scope.workspaceId, mode: scope.mode, body }).execute();
}

export async function removeDocument(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('crm_search').where('resource_id', '=', id).execute();
}

/** Turns what a user typed into an FTS5 query: each word a quoted prefix, all required. Null: nothing searchable. */
export function ftsQuery(userQuery: string): string | null {
  const words = userQuery.normalize('NFKC').match(/[\p{L}\p{N}@._+-]+/gu) ?? [];
  const terms = words.map((w) => `"${w.replace(/"/g, '""')}"*`).slice(0, 16);
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * A condition for `.where(...)`: the row's id is among the documents of `type` matching `query`
 * in this workspace and mode. Use as `q.where(matchesSearch(scope, 'contact', query))`.
 */
export function matchesSearch(scope: Scope, type: SearchableType, query: string, idColumn = 'id') {
  const match = ftsQuery(query);
  if (match === null) return sql<boolean>`0 = 1`;
  return sql<boolean>`${sql.ref(idColumn)} IN (SELECT resource_id FROM crm_search WHERE crm_search MATCH ${match}
    AND resource_type = ${type} AND workspace_id = ${scope.workspaceId} AND mode = ${scope.mode})`;
}
