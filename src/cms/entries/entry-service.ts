import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import type { Executor, Trx } from '../../db/database.js';
import type { CmsCollectionsTable, CmsEntriesTable } from '../../db/schema-cms.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { isUniqueViolation } from '../cms-shared.js';
import { findCollection } from '../collections/collection-repository.js';
import { requireSite, schemaOf } from '../collections/collection-service.js';
import { fieldText, validateEntryFields } from '../collections/field-schema.js';
import { indexEntry, rankedEntries } from '../search/entry-search.js';
import * as repo from './entry-repository.js';
import type { EntryStatus } from './entry-schemas.js';

// Entries: every write checks the fields against the collection's schema, keeps the slug unique
// in the collection, the tags filterable and the search document current, in one transaction.
// The blog (src/blog/) writes its posts through the same functions.

export interface EntryDto {
  id: string;
  collection_id: string;
  site_id: string | null;
  campaign_id: string | null;
  title: string;
  slug: string | null;
  status: EntryStatus;
  content_type: string;
  fields: Record<string, unknown>;
  tags: string[];
  custom_fields: Record<string, string>;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreateEntryInput {
  title: string;
  status?: EntryStatus;
  content_type?: string;
  site_id?: string;
  campaign_id?: string;
  fields?: Record<string, unknown>;
  tags?: string[];
  custom_fields?: Record<string, string>;
}

export interface UpdateEntryInput {
  title?: string;
  status?: EntryStatus;
  content_type?: string;
  site_id?: string | null;
  campaign_id?: string | null;
  fields?: Record<string, unknown>;
  tags?: string[];
  custom_fields?: Record<string, string | null>;
}

export interface ListEntriesInput {
  collection_id?: string;
  site_id?: string;
  campaign_id?: string;
  content_type?: string;
  status?: string;
  tag?: string;
  query?: string;
  custom_field_key?: string;
  custom_field_value?: string;
}

export const fieldsOf = (row: Pick<CmsEntriesTable, 'fields'>) => JSON.parse(row.fields) as Record<string, unknown>;
export const tagsOf = (row: Pick<CmsEntriesTable, 'tags'>) => JSON.parse(row.tags) as string[];

export const entryDto = (row: CmsEntriesTable): EntryDto => ({
  id: row.id,
  collection_id: row.collection_id,
  site_id: row.site_id,
  campaign_id: row.campaign_id,
  title: row.title,
  slug: row.slug,
  status: row.status,
  content_type: row.content_type,
  fields: fieldsOf(row),
  tags: tagsOf(row),
  custom_fields: JSON.parse(row.custom_fields) as Record<string, string>,
  published_at: row.published_at,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
const slugOf = (fields: Record<string, unknown>) => (typeof fields.slug === 'string' && fields.slug.trim() !== '' ? fields.slug : null);

/** 409 naming `fields.slug` for a unique-index violation (the slug is the entry's only unique column). */
export function slugConflict(err: unknown, slug: string | null): unknown {
  if (!isUniqueViolation(err)) return err;
  return new ApiError('conflict', `Another entry of this collection has the slug "${slug}".`, [{ field: 'fields.slug', error: 'already_exists', received: slug }]);
}

async function reindex(db: Executor, collection: CmsCollectionsTable, row: CmsEntriesTable): Promise<void> {
  await indexEntry(db, row, [...fieldText(schemaOf(collection), fieldsOf(row)).map((f) => f.text), ...tagsOf(row)]);
}

/** 404 naming `collection_id` when it is not a collection of this workspace. */
export async function requireCollection(db: Executor, scope: Scope, id: string): Promise<CmsCollectionsTable> {
  const collection = await findCollection(db, scope, id);
  if (!collection) throw new ApiError('not_found', 'No such collection.', [{ field: 'collection_id', error: 'not_found', received: id }]);
  return collection;
}

/** Creates an entry of `collection` in the caller's transaction (a slug clash throws the database's unique violation). */
export async function createEntryInTx(trx: Trx, scope: Scope, collection: CmsCollectionsTable, input: CreateEntryInput, at: Date): Promise<CmsEntriesTable> {
  await requireSite(trx, scope, input.site_id);
  const fields = await validateEntryFields(trx, scope, schemaOf(collection), input.title, input.fields ?? {});
  const status = input.status ?? 'draft';
  const now = at.toISOString();
  const row: CmsEntriesTable = {
    id: newId('ent'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    collection_id: collection.id,
    site_id: input.site_id ?? null,
    campaign_id: input.campaign_id ?? null,
    title: input.title,
    slug: slugOf(fields),
    status,
    content_type: input.content_type ?? 'other',
    fields: JSON.stringify(fields),
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    published_at: status === 'published' ? now : null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await repo.insertEntry(trx, row);
  await repo.syncTags(trx, scope, row.id, tagsOf(row));
  await reindex(trx, collection, row);
  return row;
}

export async function createEntry(deps: CrmDeps, scope: Scope, input: CreateEntryInput & { collection_id: string }, idempotency: IdempotencyHandle | null): Promise<EntryDto> {
  const collection = await requireCollection(deps.db, scope, input.collection_id);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const dto = entryDto(await createEntryInTx(trx, scope, collection, input, deps.clock.now()));
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    throw slugConflict(err, typeof input.fields?.slug === 'string' ? input.fields.slug : null);
  }
}

/** `published_at` follows the status: set when an entry becomes published, cleared when it leaves. */
export function publishedAtAfter(existing: Pick<CmsEntriesTable, 'status' | 'published_at'>, status: EntryStatus, now: string): string | null {
  if (status !== 'published') return null;
  return existing.status === 'published' ? existing.published_at : now;
}

/**
 * Applies a change to `existing` in the caller's transaction, conditional on its version: a
 * concurrent write in between is a 409 (retry with the new state), never a lost update.
 */
export async function updateEntryInTx(trx: Trx, scope: Scope, existing: CmsEntriesTable, input: UpdateEntryInput, at: Date): Promise<CmsEntriesTable> {
  const collection = (await findCollection(trx, scope, existing.collection_id))!;
  if (input.site_id) await requireSite(trx, scope, input.site_id);
  const title = input.title ?? existing.title;
  const schema = schemaOf(collection);
  // Stored values of fields the schema no longer has (it was replaced) are dropped, not refused.
  const known = new Set(schema.fields.map((f) => f.key));
  let fields = Object.fromEntries(Object.entries(fieldsOf(existing)).filter(([k]) => known.has(k)));
  if (input.fields !== undefined) {
    fields = { ...fields, ...input.fields };
    for (const [k, v] of Object.entries(input.fields)) if (v === null) delete fields[k];
  }
  fields = await validateEntryFields(trx, scope, schema, title, fields);
  const now = at.toISOString();
  const status = input.status ?? existing.status;
  const next: CmsEntriesTable = {
    ...existing,
    title,
    status,
    content_type: input.content_type ?? existing.content_type,
    site_id: input.site_id !== undefined ? input.site_id : existing.site_id,
    campaign_id: input.campaign_id !== undefined ? input.campaign_id : existing.campaign_id,
    fields: JSON.stringify(fields),
    slug: slugOf(fields),
    tags: input.tags !== undefined ? JSON.stringify(cleanTags(input.tags)) : existing.tags,
    custom_fields: input.custom_fields !== undefined ? mergeCustomFields(existing.custom_fields, input.custom_fields) : existing.custom_fields,
    published_at: publishedAtAfter(existing, status, now),
    updated_at: now,
    version: existing.version + 1,
  };
  const { id: _id, workspace_id: _ws, mode: _mode, collection_id: _col, version: _v, ...changes } = next;
  if (!(await repo.updateEntryAt(trx, scope, existing.id, existing.version, changes))) {
    throw new ApiError('conflict', 'The entry was changed by another request at the same time; read it again and retry.');
  }
  if (input.tags !== undefined) await repo.syncTags(trx, scope, existing.id, tagsOf(next));
  await reindex(trx, collection, next);
  return next;
}

export async function updateEntry(deps: CrmDeps, scope: Scope, id: string, input: UpdateEntryInput, idempotency: IdempotencyHandle | null): Promise<EntryDto> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await repo.findEntry(trx, scope, id);
      if (!existing) throw notFound('entry');
      const dto = entryDto(await updateEntryInTx(trx, scope, existing, input, deps.clock.now()));
      await idempotency?.saveInTx(trx, 200, dto);
      return dto;
    });
  } catch (err) {
    throw slugConflict(err, typeof input.fields?.slug === 'string' ? input.fields.slug : null);
  }
}

export async function getEntry(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<EntryDto> {
  const row = await repo.findEntry(deps.db, scope, id);
  if (!row) throw notFound('entry');
  return entryDto(row);
}

/** Deletes the entry, its tags and its search document. */
export async function deleteEntry(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<{ id: string; deleted: true }> {
  const deleted = await deps.db.transaction().execute((trx) => repo.deleteEntry(trx, scope, id));
  if (!deleted) throw notFound('entry');
  return { id, deleted: true };
}

export async function listEntries(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: ListEntriesInput): Promise<EntryDto[]> {
  const rows = await repo.listEntries(deps.db, scope, page, {
    collectionId: q.collection_id, siteId: q.site_id, campaignId: q.campaign_id, contentType: q.content_type, status: q.status, tag: q.tag, query: q.query,
    custom_field_key: q.custom_field_key, custom_field_value: q.custom_field_value,
  });
  return rows.map(entryDto);
}

export async function searchEntries(
  deps: Pick<CrmDeps, 'db'>,
  scope: Scope,
  q: { query: string; collection_id?: string; status?: string; content_type?: string; limit: number; offset: number },
): Promise<(EntryDto & { score: number })[]> {
  const rows = await rankedEntries(deps.db, scope, {
    query: q.query, match: 'any', collectionId: q.collection_id, status: q.status, contentType: q.content_type, limit: q.limit + 1, offset: q.offset,
  });
  return rows.map(({ score, ...row }) => ({ ...entryDto(row), score }));
}
