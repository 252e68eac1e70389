import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { Deleted } from '../../crm/sales/sales-shared.js';
import { CreatePostBody, ListPostsQuery, PostSchema, UpdatePostBody } from './post-schemas.js';
import { createPost, deletePost, getPost, listPosts, updatePost } from './post-service.js';

const Params = IdParams('post');
const ListQuery = Type.Object({ ...PageQuery, ...ListPostsQuery });
type P = { Params: Static<typeof Params> };
const tags = ['marketing'];

export async function postRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreatePostBody> }>(
    '/marketing/posts',
    {
      config: { scope: 'cms:write' },
      schema: { tags, summary: 'Create marketing post', description: '`campaign_id` must exist (404 naming it). `scheduled` needs `scheduled_at`; `published` sets `published_at` to now unless given.', body: CreatePostBody, response: { 201: One(PostSchema) } },
    },
    async (request, reply) => reply.code(201).send({ data: await createPost(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/marketing/posts',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'List marketing posts', querystring: ListQuery, response: { 200: List(PostSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { limit: _l, cursor: _c, ...filter } = request.query;
      const { items, nextCursor } = toPage(await listPosts(deps, authOf(request).scope, page, filter), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/marketing/posts/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get a marketing post', params: Params, response: { 200: One(PostSchema) } } },
    async (request) => ({ data: await getPost(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdatePostBody> }>(
    '/marketing/posts/:id',
    { config: { scope: 'cms:write' }, schema: { tags, summary: 'Update a marketing post', params: Params, body: UpdatePostBody, response: { 200: One(PostSchema) } } },
    async (request) => ({ data: await updatePost(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/marketing/posts/:id',
    { config: { scope: 'cms:write' }, schema: { tags, summary: 'Delete a marketing post', params: Params, response: { 200: One(Deleted) } } },
    async (request) => ({ data: await deletePost(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
