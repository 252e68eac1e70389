import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../crm/crm-deps.js';
import type { Executor, Trx } from '../db/database.js';
import type { CmsCollectionsTable, CmsEntriesTable } from '../db/schema-cms.js';
import { ApiError, notFound } from '../errors.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { isUniqueViolation } from '../cms/cms-shared.js';
import { findCollectionByKey } from '../cms/collections/collection-repository.js';
import { BLOG_COLLECTION_KEY, ensureBlogCollection } from '../cms/collections/collection-service.js';
import * as entries from '../cms/entries/entry-repository.js';
import { createEntryInTx, fieldsOf, tagsOf, updateEntryInTx, type UpdateEntryInput } from '../cms/entries/entry-service.js';
import type { CreatePostBody, UpdatePostBody } from './blog-schemas.js';
import { firstFreeSlug, slugify } from './slug.js';

// The blog (seed 001): posts are entries of the workspace's built-in `blog` collection (made on
// first use), with content_type `blog_post`. Slugs come from the title and are kept unique; two
// requests racing for one slug meet the collection's unique index, and the loser retries with
// the next free one.

export interface PostDto {
  id: string;
  title: string;
  slug: string;
  content: string;
  excerpt: string | null;
  cover_image_url: string | null;
  author_name: string;
  author_avatar_url: string | null;
  author_agent_id: string | null;
  status: CmsEntriesTable['status'];
  published_at: string | null;
  tags: string[];
  meta_description: string | null;
  collection_id: string;
  created_at: string;
  updated_at: string;
}

const OPTIONAL = ['excerpt', 'cover_image_url', 'author_avatar_url', 'author_agent_id', 'meta_description'] as const;
const SLUG_ATTEMPTS = 5;

export function postDto(row: CmsEntriesTable): PostDto {
  const f = fieldsOf(row);
  const opt = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : null);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug ?? '',
    content: typeof f.content === 'string' ? f.content : '',
    excerpt: opt('excerpt'),
    cover_image_url: opt('cover_image_url'),
    author_name: typeof f.author_name === 'string' ? f.author_name : '',
    author_avatar_url: opt('author_avatar_url'),
    author_agent_id: opt('author_agent_id'),
    status: row.status,
    published_at: row.published_at,
    tags: tagsOf(row),
    meta_description: opt('meta_description'),
    collection_id: row.collection_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The slugs of the blog's posts that are `base` or `base-<n>` (other than `exceptId`'s). */
async function takenSlugs(db: Executor, collection: CmsCollectionsTable, base: string, exceptId?: string): Promise<Set<string>> {
  let q = db.selectFrom('cms_entries').select('slug').where('collection_id', '=', collection.id).where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]));
  if (exceptId) q = q.where('id', '<>', exceptId);
  return new Set((await q.execute()).map((r) => r.slug).filter((s): s is string => s !== null));
}

/** Runs `write` in a transaction; a slug clash on a generated slug retries (a fresh transaction: PostgreSQL aborts the failed one). */
async function withSlugRetry<T>(deps: CrmDeps, explicitSlug: string | undefined, write: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(write);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (explicitSlug !== undefined) {
        throw new ApiError('conflict', `Another post has the slug "${explicitSlug}".`, [{ field: 'slug', error: 'already_exists', received: explicitSlug }]);
      }
      if (attempt >= SLUG_ATTEMPTS) throw new ApiError('conflict', 'Could not find a free slug for this title; pass one as `slug`.', [{ field: 'slug', error: 'already_exists' }]);
    }
  }
}

/** Reads do not make the blog collection: a workspace without one has no posts. */
const blogCollection = (db: Executor, scope: Scope) => findCollectionByKey(db, scope, BLOG_COLLECTION_KEY);

async function requirePost(db: Executor, scope: Scope, id: string): Promise<{ collection: CmsCollectionsTable; row: CmsEntriesTable }> {
  const collection = await blogCollection(db, scope);
  const row = collection ? await entries.findEntry(db, scope, id) : undefined;
  if (!collection || !row || row.collection_id !== collection.id) throw new ApiError('not_found', 'Blog post not found.');
  return { collection, row };
}

export async function createPost(deps: CrmDeps, scope: Scope, input: Static<typeof CreatePostBody>, idempotency: IdempotencyHandle | null): Promise<PostDto> {
  return withSlugRetry(deps, input.slug, async (trx) => {
    const at = deps.clock.now();
    const collection = await ensureBlogCollection(trx, scope, at);
    const slug = input.slug ?? firstFreeSlug(slugify(input.title), await takenSlugs(trx, collection, slugify(input.title)));
    const fields: Record<string, unknown> = { slug, content: input.content, author_name: input.author_name };
    for (const k of OPTIONAL) if (input[k] !== undefined) fields[k] = input[k];
    const row = await createEntryInTx(trx, scope, collection, { title: input.title, status: 'draft', content_type: 'blog_post', fields, tags: input.tags }, at);
    const dto = postDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function updatePost(deps: CrmDeps, scope: Scope, id: string, input: Static<typeof UpdatePostBody>, idempotency: IdempotencyHandle | null): Promise<PostDto> {
  return withSlugRetry(deps, input.slug, async (trx) => {
    const at = deps.clock.now();
    const { collection, row } = await requirePost(trx, scope, id);
    const fields: Record<string, unknown> = {};
    if (input.content !== undefined) fields.content = input.content;
    if (input.author_name !== undefined) fields.author_name = input.author_name;
    for (const k of OPTIONAL) if (input[k] !== undefined) fields[k] = input[k];
    if (input.slug !== undefined) fields.slug = input.slug;
    else if (input.title !== undefined && input.title !== row.title) {
      const base = slugify(input.title);
      fields.slug = firstFreeSlug(base, await takenSlugs(trx, collection, base, row.id));
    }
    const change: UpdateEntryInput = { fields };
    if (input.title !== undefined) change.title = input.title;
    if (input.tags !== undefined) change.tags = input.tags;
    const dto = postDto(await updateEntryInTx(trx, scope, row, change, at));
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function getPost(deps: CrmDeps, scope: Scope, id: string): Promise<PostDto> {
  return postDto((await requirePost(deps.db, scope, id)).row);
}

/**
 * publish: draft/review/archived → published, recording `published_at`; unpublish: published →
 * draft, clearing it. Conditional on the current status, so a repeat (or a race) changes nothing
 * and answers the post as it is.
 */
export async function setPublished(deps: CrmDeps, scope: Scope, id: string, publish: boolean, idempotency: IdempotencyHandle | null): Promise<PostDto> {
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    const { row } = await requirePost(trx, scope, id);
    const now = at.toISOString();
    let q = trx
      .updateTable('cms_entries')
      .set((eb) => ({ status: publish ? 'published' : 'draft', published_at: publish ? now : null, updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', scope.workspaceId)
      .where('mode', '=', scope.mode)
      .where('id', '=', row.id);
    q = publish ? q.where('status', '<>', 'published') : q.where('status', '=', 'published');
    await q.execute();
    const dto = postDto((await entries.findEntry(trx, scope, row.id))!);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function deletePost(deps: CrmDeps, scope: Scope, id: string): Promise<{ id: string; deleted: true }> {
  return deps.db.transaction().execute(async (trx) => {
    const { row } = await requirePost(trx, scope, id);
    if (!(await entries.deleteEntry(trx, scope, row.id))) throw new ApiError('not_found', 'Blog post not found.');
    return { id: row.id, deleted: true as const };
  });
}

export async function listPosts(
  deps: CrmDeps,
  scope: Scope,
  page: PageRequest & { offset?: number },
  q: { status?: string; tag?: string; search?: string },
): Promise<{ rows: PostDto[]; total: number }> {
  const collection = await blogCollection(deps.db, scope);
  if (!collection) return { rows: [], total: 0 };
  const filter = { collectionId: collection.id, status: q.status, tag: q.tag, titleContains: q.search };
  const [rows, total] = await Promise.all([entries.listEntries(deps.db, scope, page, filter), entries.countEntries(deps.db, scope, filter)]);
  return { rows: rows.map(postDto), total };
}
