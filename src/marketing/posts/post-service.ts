import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { MarketingPostsTable } from '../../db/schema-books.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import type { DeletedDto } from '../../crm/sales/sales-shared.js';
import { findCampaign } from '../campaigns/campaign-repository.js';
import type { CreatePostInput, PostDto, UpdatePostInput } from './post-schemas.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('marketing_posts').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

const postDto = (r: MarketingPostsTable): PostDto => ({
  id: r.id,
  channel: r.channel,
  title: r.title,
  body: r.body,
  campaign_id: r.campaign_id,
  status: r.status,
  url: r.url,
  scheduled_at: r.scheduled_at,
  published_at: r.published_at,
  custom_fields: JSON.parse(r.custom_fields) as Record<string, string>,
  livemode: r.mode === 'live',
  created_at: r.created_at,
  updated_at: r.updated_at,
});

async function checkCampaign(db: Executor, scope: Scope, id: string | null | undefined): Promise<void> {
  if (id && !(await findCampaign(db, scope, id))) throw new ApiError('not_found', 'No such campaign.', [{ field: 'campaign_id', error: 'not_found', received: id }]);
}

/** `scheduled` needs its time; `published` gets one (now) if none is given. */
function settleStatus(row: MarketingPostsTable, now: string): void {
  if (row.status === 'scheduled' && !row.scheduled_at) throw new ApiError('validation_error', 'A scheduled post needs scheduled_at.', [{ field: 'scheduled_at', error: 'required' }]);
  if (row.status === 'published' && !row.published_at) row.published_at = now;
}

export async function createPost(deps: Deps, scope: Scope, input: CreatePostInput, idempotency: IdempotencyHandle | null): Promise<PostDto> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkCampaign(trx, scope, input.campaign_id);
    const row: MarketingPostsTable = {
      id: newId('post'), workspace_id: scope.workspaceId, mode: scope.mode, campaign_id: input.campaign_id ?? null, channel: input.channel,
      title: input.title ?? null, body: input.body, status: input.status ?? 'draft', url: input.url ?? null, scheduled_at: input.scheduled_at ?? null,
      published_at: input.published_at ?? null, custom_fields: JSON.stringify(input.custom_fields ?? {}), created_at: now, updated_at: now,
    };
    settleStatus(row, now);
    await trx.insertInto('marketing_posts').values(row).execute();
    const dto = postDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getPost(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<PostDto> {
  const row = await scoped(deps.db, scope).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('post');
  return postDto(row);
}

export async function listPosts(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, f: { campaign_id?: string; channel?: string; status?: string; query?: string }): Promise<PostDto[]> {
  let q = scoped(deps.db, scope);
  if (f.campaign_id) q = q.where('campaign_id', '=', f.campaign_id);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.status) q = q.where('status', '=', f.status as MarketingPostsTable['status']);
  if (f.query) {
    const like = `%${f.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(title)`, 'like', sql`${like} ESCAPE '\\'`), eb(sql`lower(body)`, 'like', sql`${like} ESCAPE '\\'`)]));
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return (await q.orderBy('id', 'desc').limit(page.limit + 1).execute()).map(postDto);
}

export async function updatePost(deps: Deps, scope: Scope, id: string, input: UpdatePostInput, idempotency: IdempotencyHandle | null): Promise<PostDto> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await scoped(trx, scope).where('id', '=', id).executeTakeFirst();
    if (!existing) throw notFound('post');
    await checkCampaign(trx, scope, input.campaign_id);
    const next: MarketingPostsTable = { ...existing, updated_at: now };
    for (const f of ['channel', 'title', 'body', 'campaign_id', 'status', 'url', 'scheduled_at', 'published_at'] as const) {
      if (input[f] !== undefined) (next as unknown as Record<string, unknown>)[f] = input[f];
    }
    if (input.custom_fields !== undefined) next.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
    settleStatus(next, now);
    const { id: _id, workspace_id: _w, mode: _m, created_at: _c, ...changes } = next;
    await trx.updateTable('marketing_posts').set(changes).where('id', '=', id).where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).execute();
    const dto = postDto(next);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function deletePost(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<DeletedDto> {
  const res = await deps.db.deleteFrom('marketing_posts').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('post');
  return { id, deleted: true };
}
