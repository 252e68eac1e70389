import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { encodeCursor, PageQuery, pageRequest } from '../http/pagination.js';
import { EmitBody, EmitParams, EmittedEventSchema, EventTypeSchema, ListEventTypesQuery, RegisterEventTypeBody } from './integration-schemas.js';
import * as service from './integration-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListEventTypesQuery });
const tags = ['integrations'];

export async function integrationRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/integrations/events',
    {
      config: { scope: 'integrations:read' },
      schema: {
        tags,
        summary: 'List integration event types',
        description: 'Every event type the gateway emits (`source: gateway`) and the ones this workspace registered (`source: workspace`), each with the JSON Schema of its `data`; ordered by key.',
        querystring: ListQuery,
        response: { 200: List(EventTypeSchema) },
      },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listEventTypes(deps, authOf(request).scope, { ...request.query, afterKey: page.afterId, limit: page.limit });
      const items = rows.slice(0, page.limit);
      return { data: items, next_cursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!.key) : null, request_id: request.id };
    },
  );

  app.post<{ Body: Static<typeof RegisterEventTypeBody> }>(
    '/integrations/events',
    {
      config: { scope: 'integrations:write' },
      schema: {
        tags,
        summary: 'Register an integration event type',
        description: 'Your own type: `key` starts with `external.`. With a `payload_schema`, every emitted `data` is validated against it. 409 when the key is already registered.',
        body: RegisterEventTypeBody,
        response: { 201: One(EventTypeSchema) },
      },
    },
    async (request, reply) => reply.code(201).send({ data: await service.registerEventType(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.post<{ Params: Static<typeof EmitParams>; Body: Static<typeof EmitBody> }>(
    '/integrations/events/:key/emit',
    {
      config: { scope: 'integrations:write' },
      schema: {
        tags,
        summary: 'Emit an event of a registered type',
        description: '`data` is validated against the type\'s `payload_schema` (422 naming each field). The event is written to the event log and delivered to every webhook endpoint subscribed to the key or to `*`, signed and retried like the gateway\'s own events.',
        params: EmitParams,
        body: EmitBody,
        response: { 201: One(EmittedEventSchema) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.emitExternalEvent(deps, authOf(request).scope, request.params.key, request.body.data, request.idempotency), request_id: request.id }),
  );
}
