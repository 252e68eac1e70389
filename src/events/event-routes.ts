import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import type { EventsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { IdParams, List, One, Timestamp } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import type { EventDto } from './event-writer.js';
import { findEvent, listEvents } from './event-repository.js';

export const EventSchema = Type.Object(
  {
    id: Type.String({ description: '`evt_` id.' }),
    type: Type.String({ description: 'e.g. `number.provisioned`, `credits.purchased`.' }),
    created_at: Timestamp(),
    livemode: Type.Boolean(),
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'The resource as it was after the change.' }),
  },
  { $id: 'Event', title: 'Event' },
);

const ListQuery = Type.Object({
  ...PageQuery,
  type: Type.Optional(Type.String({ maxLength: 100, description: 'Exact type, or a prefix ending in `.*` (e.g. `number.*`).' })),
});

const toDto = (row: EventsTable): EventDto => ({
  id: row.id,
  type: row.type,
  created_at: row.created_at,
  livemode: row.mode === 'live',
  data: JSON.parse(row.data) as Record<string, unknown>,
});

export async function eventRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/events',
    {
      config: { scope: 'webhooks:read' },
      schema: {
        tags: ['events'],
        summary: 'List events, newest first',
        querystring: ListQuery,
        response: { 200: List(EventSchema) },
      },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const type = request.query.type;
      const filter = type?.endsWith('.*') ? { typePrefix: type.slice(0, -1) } : { type };
      const rows = await listEvents(deps.db, authOf(request).scope, page, filter);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items.map(toDto), next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<{ Params: Static<ReturnType<typeof IdParams>> }>(
    '/events/:id',
    {
      config: { scope: 'webhooks:read' },
      schema: { tags: ['events'], summary: 'Get an event', params: IdParams('evt'), response: { 200: One(EventSchema) } },
    },
    async (request) => {
      const row = await findEvent(deps.db, authOf(request).scope, request.params.id);
      if (!row) throw notFound('event');
      return { data: toDto(row), request_id: request.id };
    },
  );
}
