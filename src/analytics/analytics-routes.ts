import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { AnalyticsEventSchema, AnalyticsPropertySchema, DefineEventBody, DefinePropertyBody, ListEventsQuery, ListPropertiesQuery, ValidateBody, ValidationResultSchema } from './analytics-schemas.js';
import * as service from './analytics-service.js';

const EventsQuery = Type.Object({ ...PageQuery, ...ListEventsQuery });
const PropertiesQuery = Type.Object({ ...PageQuery, ...ListPropertiesQuery });
const tags = ['analytics governance'];

export async function analyticsRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.get<{ Querystring: Static<typeof EventsQuery> }>(
    '/analytics/events',
    { config: { scope: 'analytics:read' }, schema: { tags, summary: 'List analytics event definitions, newest first', querystring: EventsQuery, response: { 200: List(AnalyticsEventSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await service.listEvents(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.post<{ Body: Static<typeof DefineEventBody> }>(
    '/analytics/events',
    {
      config: { scope: 'analytics:write' },
      schema: { tags, summary: 'Define an analytics event', description: 'A name (unique: 409 when taken), an owner, and the property keys its payload may carry.', body: DefineEventBody, response: { 201: One(AnalyticsEventSchema) } },
    },
    async (request, reply) => reply.code(201).send({ data: await service.defineEvent(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.get<{ Querystring: Static<typeof PropertiesQuery> }>(
    '/analytics/properties',
    { config: { scope: 'analytics:read' }, schema: { tags, summary: 'List analytics property definitions, newest first', querystring: PropertiesQuery, response: { 200: List(AnalyticsPropertySchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await service.listProperties(deps, authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.post<{ Body: Static<typeof DefinePropertyBody> }>(
    '/analytics/properties',
    {
      config: { scope: 'analytics:write' },
      schema: { tags, summary: 'Define an analytics property', description: 'A key (unique: 409 when taken), its type, and whether events listing it must carry it.', body: DefinePropertyBody, response: { 201: One(AnalyticsPropertySchema) } },
    },
    async (request, reply) => reply.code(201).send({ data: await service.defineProperty(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );

  app.post<{ Body: Static<typeof ValidateBody> }>(
    '/analytics/events/validate',
    {
      config: { scope: 'analytics:read' },
      schema: {
        tags,
        summary: 'Validate an analytics event payload',
        description: 'Always 200 for a defined event (404 otherwise): `valid`, and one entry in `errors` per field that is missing (`required`), of the wrong type (`invalid_type`) or not a property of the event (`unknown_property`). Changes nothing.',
        body: ValidateBody,
        response: { 200: One(ValidationResultSchema) },
      },
    },
    async (request) => ({ data: await service.validatePayload(deps, authOf(request).scope, request.body.name, request.body.properties, request.id), request_id: request.id }),
  );
}
