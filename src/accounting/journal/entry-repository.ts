import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { JournalEntriesTable, JournalLinesTable } from '../../db/schema-books.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('journal_entries').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

export async function insertEntry(db: Executor, row: JournalEntriesTable, lines: JournalLinesTable[]): Promise<void> {
  await db.insertInto('journal_entries').values(row).execute();
  await db.insertInto('journal_lines').values(lines).execute();
}

export async function findEntry(db: Executor, scope: Scope, id: string): Promise<JournalEntriesTable | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function findEntryBySource(db: Executor, scope: Scope, sourceKey: string): Promise<JournalEntriesTable | undefined> {
  return scoped(db, scope).where('source_key', '=', sourceKey).executeTakeFirst();
}

export async function linesOf(db: Executor, entryIds: string[]): Promise<JournalLinesTable[]> {
  if (entryIds.length === 0) return [];
  return db.selectFrom('journal_lines').selectAll().where('entry_id', 'in', entryIds).orderBy('entry_id').orderBy('position').execute();
}

export async function listEntries(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  filter: { status?: string; query?: string; account_id?: string; source_id?: string },
): Promise<JournalEntriesTable[]> {
  let q = scoped(db, scope);
  if (filter.status) q = q.where('status', '=', filter.status as JournalEntriesTable['status']);
  if (filter.source_id) q = q.where('source_id', '=', filter.source_id);
  if (filter.query) {
    const like = `%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(memo)`, 'like', sql`${like} ESCAPE '\\'`), eb(sql`lower(reference)`, 'like', sql`${like} ESCAPE '\\'`)]));
  }
  if (filter.account_id) {
    const accountId = filter.account_id;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('journal_lines').select('journal_lines.entry_id').where('journal_lines.workspace_id', '=', scope.workspaceId).where('journal_lines.mode', '=', scope.mode).where('journal_lines.account_id', '=', accountId),
    );
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Applies `changes` only while the entry is a draft: posted entries are immutable. */
export async function updateDraft(db: Executor, scope: Scope, id: string, changes: Partial<JournalEntriesTable>): Promise<JournalEntriesTable | undefined> {
  return db
    .updateTable('journal_entries')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function replaceLines(db: Executor, entryId: string, lines: JournalLinesTable[]): Promise<void> {
  await db.deleteFrom('journal_lines').where('entry_id', '=', entryId).execute();
  await db.insertInto('journal_lines').values(lines).execute();
}

export async function deleteDraft(db: Executor, scope: Scope, id: string): Promise<boolean> {
  await db.deleteFrom('journal_lines').where('entry_id', '=', id).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('entry_id', 'in', (eb) => eb.selectFrom('journal_entries').select('id').where('id', '=', id).where('status', '=', 'draft')).execute();
  const res = await db.deleteFrom('journal_entries').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Marks a posted entry as reversed by `reversalId`, once: false when it already was. */
export async function markReversed(db: Executor, scope: Scope, id: string, reversalId: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('journal_entries')
    .set({ reversed_by_id: reversalId, updated_at: at })
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', '=', 'posted')
    .where('reversed_by_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
