import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { IdParams, List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../cms-shared.js';
import { CreateEntryBody, EntrySchema, ListEntriesQuery, SearchEntriesQuery, SearchHitSchema, UpdateEntryBody } from './entry-schemas.js';
import { createEntry, deleteEntry, getEntry, listEntries, searchEntries, updateEntry } from './entry-service.js';

const Params = IdParams('ent');
type P = { Params: Static<typeof Params> };
const ListQuery = Type.Object({ ...PageQuery, ...ListEntriesQuery });
const SearchQuery = Type.Object({ ...PageQuery, ...SearchEntriesQuery });
const Deleted = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });
const tags = ['cms'];

export async function entryRoutes(app: FastifyInstance, deps: CrmDeps) {
  app.post<{ Body: Static<typeof CreateEntryBody> }>(
    '/cms/entries',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Create CMS entry',
        description: '`fields` are checked against the collection\'s schema: a missing required field, a value of the wrong type, an unknown key or a reference to an entry that does not exist is a 422 naming `fields.<key>`. A `slug` field must be unique in the collection (409).',
        body: CreateEntryBody,
        response: { 201: One(EntrySchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await createEntry(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/cms/entries',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Search CMS entries, newest first', querystring: ListQuery, response: { 200: List(EntrySchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await listEntries(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  // Declared before /cms/entries/:id; fastify prefers the static segment anyway.
  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/cms/entries/search',
    {
      config: { scope: 'cms:read' },
      schema: {
        tags,
        summary: 'Full-text search CMS entries, best match first',
        description: 'Ranked search over titles (weighted higher), field text and tags: entries matching any word of `query` are returned, those matching more of them first. Each hit carries its `score`.',
        querystring: SearchQuery,
        response: { 200: List(SearchHitSchema) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const offset = decodeOffsetCursor(request.query.cursor);
      const hits = await searchEntries(deps, authOf(request).scope, { ...request.query, limit, offset });
      const more = hits.length > limit;
      return { data: hits.slice(0, limit), next_cursor: more ? encodeOffsetCursor(offset + limit) : null, request_id: request.id };
    },
  );

  app.get<P>(
    '/cms/entries/:id',
    { config: { scope: 'cms:read' }, schema: { tags, summary: 'Get CMS entry', params: Params, response: { 200: One(EntrySchema) } } },
    async (request) => ({ data: await getEntry(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateEntryBody> }>(
    '/cms/entries/:id',
    {
      config: { scope: 'cms:write' },
      schema: {
        tags,
        summary: 'Update CMS entry',
        description: '`fields` merges (null removes a key) and the result is checked against the schema; `tags` replaces the list. Setting `status` to `published` records `published_at`.',
        params: Params,
        body: UpdateEntryBody,
        response: { 200: One(EntrySchema) },
      },
    },
    async (request) => ({ data: await updateEntry(deps, authOf(request).scope, request.params.id, request.body, request.idempotency), request_id: request.id }),
  );

  app.delete<P>(
    '/cms/entries/:id',
    { config: { scope: 'cms:write' }, schema: { tags, summary: 'Delete CMS entry', description: 'Permanently.', params: Params, response: { 200: One(Deleted) } } },
    async (request) => ({ data: await deleteEntry(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
