import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { CmsEntriesTable } from '../../db/schema-cms.js';
import type { Scope } from '../../scope.js';

// The CMS full-text index (table cms_search, migration 019): one document per entry, its title
// weighted above its field text. SQLite ranks with FTS5's bm25 (porter stemming); PostgreSQL
// with ts_rank over a generated, GIN-indexed tsvector ('english' stemming). Both spellings of each
// query sit side by side; writes are the same query on both engines.
//
// Two ways to match: `all` (every word, as a prefix: the `query` filter of GET /v1/cms/entries)
// and `any` (any word, ranked by relevance: search and the knowledge tool, where a question's
// wording rarely matches an entry's exactly).

export async function indexEntry(db: Executor, row: Pick<CmsEntriesTable, 'id' | 'workspace_id' | 'mode' | 'collection_id' | 'title'>, text: string[]): Promise<void> {
  await removeEntryDocument(db, row.id);
  await db
    .insertInto('cms_search')
    .values({ entry_id: row.id, workspace_id: row.workspace_id, mode: row.mode, collection_id: row.collection_id, title: row.title, body: text.filter((t) => t.trim() !== '').join(' \n ') })
    .execute();
}

export async function removeEntryDocument(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('cms_search').where('entry_id', '=', id).execute();
}

/** The words of what a user (or a model) typed: letters and digits, at most 24. */
export function searchWords(query: string): string[] {
  return (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 24);
}

type Match = 'all' | 'any';

function ftsQuery(words: string[], match: Match): string {
  return words.map((w) => `"${w}"*`).join(match === 'all' ? ' AND ' : ' OR ');
}

function tsQuery(words: string[], match: Match): string {
  return words.map((w) => `${w.toLowerCase()}:*`).join(match === 'all' ? ' & ' : ' | ');
}

/** For `.where(...)` on cms_entries: the entry's document has every word of `query`. */
export function entryMatches(db: Executor, scope: Scope, query: string): RawBuilder<boolean> {
  const words = searchWords(query);
  if (words.length === 0) return sql<boolean>`1 = 0`;
  if (dialectOf(db) === 'postgres') {
    return sql<boolean>`cms_entries.id IN (SELECT entry_id FROM cms_search WHERE document @@ to_tsquery('english', ${tsQuery(words, 'all')})
      AND workspace_id = ${scope.workspaceId} AND mode = ${scope.mode})`;
  }
  return sql<boolean>`cms_entries.id IN (SELECT entry_id FROM cms_search WHERE cms_search MATCH ${ftsQuery(words, 'all')}
    AND workspace_id = ${scope.workspaceId} AND mode = ${scope.mode})`;
}

export interface RankedSearch {
  query: string;
  match: Match;
  collectionId?: string;
  status?: string;
  contentType?: string;
  /** The knowledge tool: archived entries are not the business's answers any more. */
  excludeArchived?: boolean;
  limit: number;
  offset: number;
}

export type RankedEntry = CmsEntriesTable & { score: number };

/** Entries best first (higher `score` is better); ties newest first. */
export async function rankedEntries(db: Executor, scope: Scope, s: RankedSearch): Promise<RankedEntry[]> {
  const words = searchWords(s.query);
  if (words.length === 0) return [];
  const filters = [
    sql`e.workspace_id = ${scope.workspaceId}`,
    sql`e.mode = ${scope.mode}`,
    ...(s.collectionId !== undefined ? [sql`e.collection_id = ${s.collectionId}`] : []),
    ...(s.status !== undefined ? [sql`e.status = ${s.status}`] : []),
    ...(s.contentType !== undefined ? [sql`e.content_type = ${s.contentType}`] : []),
    ...(s.excludeArchived ? [sql`e.status <> 'archived'`] : []),
  ];
  const where = sql.join(filters, sql` AND `);
  if (dialectOf(db) === 'postgres') {
    const q = tsQuery(words, s.match);
    const { rows } = await sql<RankedEntry>`SELECT e.*, ts_rank(cms_search.document, to_tsquery('english', ${q})) AS score
      FROM cms_search JOIN cms_entries e ON e.id = cms_search.entry_id
      WHERE cms_search.document @@ to_tsquery('english', ${q}) AND cms_search.workspace_id = ${scope.workspaceId} AND cms_search.mode = ${scope.mode} AND ${where}
      ORDER BY score DESC, e.id DESC LIMIT ${s.limit} OFFSET ${s.offset}`.execute(db);
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }
  // bm25 takes one weight per column (entry_id, workspace_id, mode, collection_id, title, body)
  // and is lower for better matches.
  const { rows } = await sql<RankedEntry>`SELECT e.*, -bm25(cms_search, 0, 0, 0, 0, 10.0, 1.0) AS score
    FROM cms_search JOIN cms_entries e ON e.id = cms_search.entry_id
    WHERE cms_search MATCH ${ftsQuery(words, s.match)} AND cms_search.workspace_id = ${scope.workspaceId} AND cms_search.mode = ${scope.mode} AND ${where}
    ORDER BY score DESC, e.id DESC LIMIT ${s.limit} OFFSET ${s.offset}`.execute(db);
  return rows;
}
