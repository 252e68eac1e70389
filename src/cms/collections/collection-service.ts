import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../../crm/crm-deps.js';
import type { Executor } from '../../db/database.js';
import type { CmsCollectionsTable } from '../../db/schema-cms.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { isUniqueViolation } from '../cms-shared.js';
import { findSite } from '../sites/site-repository.js';
import * as repo from './collection-repository.js';
import type { CreateCollectionBody, UpdateCollectionBody } from './collection-schemas.js';
import { type CollectionSchema, checkCollectionSchema } from './field-schema.js';

export interface CollectionDto {
  id: string;
  key: string;
  name: string;
  description: string | null;
  site_id: string | null;
  schema: CollectionSchema;
  built_in: boolean;
  created_at: string;
  updated_at: string;
}

export const schemaOf = (row: Pick<CmsCollectionsTable, 'schema'>) => JSON.parse(row.schema) as CollectionSchema;

export const collectionDto = (row: CmsCollectionsTable): CollectionDto => ({
  id: row.id, key: row.key, name: row.name, description: row.description, site_id: row.site_id, schema: schemaOf(row),
  built_in: row.built_in !== null, created_at: row.created_at, updated_at: row.updated_at,
});

/** The key of the built-in collection that holds the blog's posts. */
export const BLOG_COLLECTION_KEY = 'blog';

/** The blog's fields: the seed's post body, snake_case. `title` is the entry's title; tags are the entry's tags. */
export const BLOG_SCHEMA: CollectionSchema = {
  fields: [
    { key: 'title', type: 'string', required: true },
    { key: 'slug', type: 'string', required: true },
    { key: 'content', type: 'markdown', required: true },
    { key: 'excerpt', type: 'string' },
    { key: 'author_name', type: 'string', required: true },
    { key: 'author_avatar_url', type: 'url' },
    { key: 'author_agent_id', type: 'string' },
    { key: 'cover_image_url', type: 'url' },
    { key: 'meta_description', type: 'string' },
  ],
};

async function requireSite(db: Executor, scope: Scope, siteId: string | undefined | null, field = 'site_id'): Promise<void> {
  if (siteId && !(await findSite(db, scope, siteId))) throw new ApiError('not_found', 'No such site.', [{ field, error: 'not_found', received: siteId }]);
}
export { requireSite };

async function requireReferencedCollections(db: Executor, scope: Scope, schema: CollectionSchema): Promise<void> {
  for (const [i, f] of schema.fields.entries()) {
    if (f.collection_id && !(await repo.findCollection(db, scope, f.collection_id))) {
      throw new ApiError('not_found', 'No such collection.', [{ field: `schema.fields[${i}].collection_id`, error: 'not_found', received: f.collection_id }]);
    }
  }
}

export async function createCollection(deps: CrmDeps, scope: Scope, input: Static<typeof CreateCollectionBody>, idempotency: IdempotencyHandle | null): Promise<CollectionDto> {
  if (input.key === BLOG_COLLECTION_KEY) {
    throw new ApiError('validation_error', 'The key "blog" is the built-in collection of the blog (/v1/blog/posts); choose another.', [{ field: 'key', error: 'reserved_key', received: input.key }]);
  }
  checkCollectionSchema(input.schema);
  await requireSite(deps.db, scope, input.site_id);
  await requireReferencedCollections(deps.db, scope, input.schema);
  const now = deps.clock.now().toISOString();
  const row: CmsCollectionsTable = {
    id: newId('col'), workspace_id: scope.workspaceId, mode: scope.mode, key: input.key, name: input.name, description: input.description ?? null,
    site_id: input.site_id ?? null, schema: JSON.stringify({ fields: input.schema.fields }), built_in: null, created_at: now, updated_at: now,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await repo.insertCollection(trx, row);
      const dto = collectionDto(row);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('conflict', `A collection with key "${input.key}" already exists.`, [{ field: 'key', error: 'already_exists', received: input.key }]);
    throw err;
  }
}

export async function updateCollection(deps: CrmDeps, scope: Scope, id: string, input: Static<typeof UpdateCollectionBody>, idempotency: IdempotencyHandle | null): Promise<CollectionDto> {
  const existing = await repo.findCollection(deps.db, scope, id);
  if (!existing) throw notFound('collection');
  if (input.schema !== undefined) {
    if (existing.built_in !== null) {
      throw new ApiError('validation_error', 'The blog collection\'s fields are the blog\'s; they cannot be changed.', [{ field: 'schema', error: 'built_in_collection' }]);
    }
    checkCollectionSchema(input.schema);
    await requireReferencedCollections(deps.db, scope, input.schema);
  }
  if (input.site_id) await requireSite(deps.db, scope, input.site_id);
  const next: CmsCollectionsTable = {
    ...existing,
    name: input.name ?? existing.name,
    description: input.description !== undefined ? input.description : existing.description,
    site_id: input.site_id !== undefined ? input.site_id : existing.site_id,
    schema: input.schema !== undefined ? JSON.stringify({ fields: input.schema.fields }) : existing.schema,
    updated_at: deps.clock.now().toISOString(),
  };
  return deps.db.transaction().execute(async (trx) => {
    await repo.updateCollection(trx, scope, id, { name: next.name, description: next.description, site_id: next.site_id, schema: next.schema, updated_at: next.updated_at });
    const dto = collectionDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** The workspace's blog collection, made on first use. */
export async function ensureBlogCollection(db: Executor, scope: Scope, at: Date): Promise<CmsCollectionsTable> {
  const existing = await repo.findCollectionByKey(db, scope, BLOG_COLLECTION_KEY);
  if (existing) return existing;
  const now = at.toISOString();
  await repo.insertCollectionIfMissing(db, {
    id: newId('col'), workspace_id: scope.workspaceId, mode: scope.mode, key: BLOG_COLLECTION_KEY, name: 'Blog', description: 'Posts of /v1/blog/posts.',
    site_id: null, schema: JSON.stringify(BLOG_SCHEMA), built_in: 'blog', created_at: now, updated_at: now,
  });
  return (await repo.findCollectionByKey(db, scope, BLOG_COLLECTION_KEY))!;
}

export async function getCollection(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<CollectionDto> {
  const row = await repo.findCollection(deps.db, scope, id);
  if (!row) throw notFound('collection');
  return collectionDto(row);
}

export async function listCollections(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: { site_id?: string }): Promise<CollectionDto[]> {
  return (await repo.listCollections(deps.db, scope, page, { siteId: q.site_id })).map(collectionDto);
}
