import { type Static, Type } from '@sinclair/typebox';
import { EmptyBody } from '../http/empty-body.js';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { IdParams, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { CreatePostBody, ListPostsQuery, PostList, PostSchema, UpdatePostBody } from './blog-schemas.js';
import { createPost, deletePost, getPost, listPosts, setPublished, updatePost } from './blog-service.js';

// Seed 001's blog endpoints under /v1/blog/posts, with the CMS scopes (posts are CMS entries).

const Params = IdParams('ent');
type P = { Params: Static<typeof Params> };
const ListQuery = Type.Object({ ...PageQuery, ...ListPostsQuery });
const Deleted = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });
const tags = ['blog'];

export async function blogRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreatePostBody> }>(
    '/blog/posts',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Create blog post',
        description: 'Created as a `draft`. Without `slug`, one is made from the title (`-2`, `-3` ... when taken); a `slug` another post has is a 409.',
        body: CreatePostBody,
        response: { 201: One(PostSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createPost(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/blog/posts',
    {
      config: { scope: 'cms:read' },
      schema: { tags, summary: 'List blog posts, newest first', description: '`total` counts every post matching the filters.', querystring: ListQuery, response: { 200: PostList } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const { rows, total } = await listPosts(deps, authOf(request).scope, { ...page, offset: request.query.offset }, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, total, request_id: request.id };
    },
  );

  app.get<P>(
    '/blog/posts/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get blog post', params: Params, response: { 200: One(PostSchema) } } },
    async (request) => ({ data: await getPost(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdatePostBody> }>(
    '/blog/posts/:id',
    {
      config: { scope: 'cms:write' },
      schema: { tags, summary: 'Update blog post', description: 'Partial: only the fields given change. A new `title` without a `slug` regenerates the slug.', params: Params, body: UpdatePostBody, response: { 200: One(PostSchema) } },
    },
    async (request) => ({ data: await updatePost(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.post<P>(
    '/blog/posts/:id/publish',
    {
      config: { scope: 'cms:write' },
      schema: { tags, summary: 'Publish blog post', description: 'Sets `status` to `published` and records `published_at`; publishing a published post changes nothing.', params: Params, body: EmptyBody, response: { 200: One(PostSchema) } },
    },
    async (request) => ({ data: await setPublished(deps, authOf(request).scope, request.params.id, true, request.idempotency), request_id: request.id }),
  );

  app.post<P>(
    '/blog/posts/:id/unpublish',
    {
      config: { scope: 'cms:write' },
      schema: { tags, summary: 'Unpublish blog post', description: 'A published post goes back to `draft` and `published_at` is cleared; other posts are unchanged.', params: Params, body: EmptyBody, response: { 200: One(PostSchema) } },
    },
    async (request) => ({ data: await setPublished(deps, authOf(request).scope, request.params.id, false, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/blog/posts/:id',
    { config: { scope: 'cms:write' }, schema: { tags, summary: 'Delete blog post', description: 'Permanently.', params: Params, response: { 200: One(Deleted) } } },
    async (request) => ({ data: await deletePost(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
