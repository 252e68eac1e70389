import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { CollectionSchema, CreateCollectionBody, ListCollectionsQuery, UpdateCollectionBody } from './collection-schemas.js';
import { createCollection, getCollection, listCollections, updateCollection } from './collection-service.js';

const Params = IdParams('col');
const ListQuery = Type.Object({ ...PageQuery, ...ListCollectionsQuery });
const tags = ['cms'];

export async function collectionRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateCollectionBody> }>(
    '/cms/collections',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Create CMS collection',
        description: 'Entries of the collection are checked against `schema.fields` (422 naming `fields.<key>`). A field keyed `title` is the entry\'s `title`. `key` is unique in the workspace (409); `blog` is reserved for the blog.',
        body: CreateCollectionBody,
        response: { 201: One(CollectionSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createCollection(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/cms/collections',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'List CMS collections, newest first', querystring: ListQuery, response: { 200: List(CollectionSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await listCollections(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/cms/collections/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get CMS collection', params: Params, response: { 200: One(CollectionSchema) } } },
    async (request) => ({ data: await getCollection(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<{ Params: Static<typeof Params>; Body: Static<typeof UpdateCollectionBody> }>(
    '/cms/collections/:id',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Update CMS collection',
        description: '`schema` replaces the field list (existing entries are checked against it at their next write); the built-in `blog` collection keeps its fields (422).',
        params: Params,
        body: UpdateCollectionBody,
        response: { 200: One(CollectionSchema) },
      },
    },
    async (request) => ({ data: await updateCollection(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );
}
