import type { Executor } from '../../db/database.js';
import type { CmsEntriesTable } from '../../db/schema-cms.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { columnContains, customFieldMatches } from '../cms-shared.js';
import { entryMatches, removeEntryDocument } from '../search/entry-search.js';

export interface EntryFilter {
  collectionId?: string;
  siteId?: string;
  campaignId?: string;
  contentType?: string;
  status?: string;
  tag?: string;
  query?: string;
  /** Case-insensitive part of the title (the blog's `search`). */
  titleContains?: string;
  custom_field_key?: string;
  custom_field_value?: string;
}

export type EntryChanges = Partial<Omit<CmsEntriesTable, 'id' | 'workspace_id' | 'mode' | 'collection_id' | 'version'>>;

export async function insertEntry(db: Executor, row: CmsEntriesTable): Promise<void> {
  await db.insertInto('cms_entries').values(row).execute();
}

export async function findEntry(db: Executor, scope: Scope, id: string): Promise<CmsEntriesTable | undefined> {
  return db.selectFrom('cms_entries').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
}

/** Applies `changes` only if the entry is still at `version`; false when another write got there first. */
export async function updateEntryAt(db: Executor, scope: Scope, id: string, version: number, changes: EntryChanges): Promise<boolean> {
  const res = await db
    .updateTable('cms_entries')
    .set({ ...changes, version: version + 1 })
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteEntry(db: Executor, scope: Scope, id: string): Promise<boolean> {
  await db.deleteFrom('cms_entry_tags').where('entry_id', '=', id).where('workspace_id', '=', scope.workspaceId).execute();
  await removeEntryDocument(db, id);
  const res = await db.deleteFrom('cms_entries').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function syncTags(db: Executor, scope: Scope, entryId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('cms_entry_tags').where('entry_id', '=', entryId).execute();
  if (tags.length === 0) return;
  await db.insertInto('cms_entry_tags').values(tags.map((tag) => ({ entry_id: entryId, workspace_id: scope.workspaceId, mode: scope.mode, tag }))).execute();
}

function filtered(db: Executor, scope: Scope, filter: EntryFilter) {
  let q = db.selectFrom('cms_entries').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.collectionId !== undefined) q = q.where('collection_id', '=', filter.collectionId);
  if (filter.siteId !== undefined) q = q.where('site_id', '=', filter.siteId);
  if (filter.campaignId !== undefined) q = q.where('campaign_id', '=', filter.campaignId);
  if (filter.contentType !== undefined) q = q.where('content_type', '=', filter.contentType);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status as CmsEntriesTable['status']);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('cms_entry_tags').select('cms_entry_tags.entry_id')
        .where('cms_entry_tags.workspace_id', '=', scope.workspaceId).where('cms_entry_tags.mode', '=', scope.mode).where('cms_entry_tags.tag', '=', tag),
    );
  }
  if (filter.query !== undefined) q = q.where(entryMatches(db, scope, filter.query));
  if (filter.titleContains !== undefined && filter.titleContains.trim() !== '') q = q.where(columnContains('title', filter.titleContains.trim()));
  const custom = customFieldMatches(db, 'custom_fields', filter);
  if (custom) q = q.where(custom);
  return q;
}

/** Newest first; `offset` skips rows of the filtered list (the blog's offset pages). */
export async function listEntries(db: Executor, scope: Scope, page: PageRequest & { offset?: number }, filter: EntryFilter): Promise<CmsEntriesTable[]> {
  let q = filtered(db, scope, filter).selectAll();
  if (page.afterId) q = q.where('id', '<', page.afterId);
  q = q.orderBy('id', 'desc').limit(page.limit + 1);
  if (page.offset) q = q.offset(page.offset);
  return q.execute();
}

export async function countEntries(db: Executor, scope: Scope, filter: EntryFilter): Promise<number> {
  const row = await filtered(db, scope, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
