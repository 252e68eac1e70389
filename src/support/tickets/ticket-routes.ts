import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { CreateTicketBody, ListTicketsQuery, TicketParams, TicketSchema, UpdateTicketBody } from './ticket-schemas.js';
import * as service from './ticket-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListTicketsQuery });
type P = { Params: Static<typeof TicketParams> };
const tags = ['support'];

export async function ticketRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<{ Body: Static<typeof CreateTicketBody> }>(
    '/support/tickets',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Create a support ticket',
        description: 'Defaults: `status: new`, `priority: normal`, `source: api`. Every linked id must exist in the workspace (404 naming the field). With a `queue_id` whose queue has a `first_response_target_minutes`, `first_response_due_at` is set. Emits `ticket.created`.',
        body: CreateTicketBody,
        response: { 201: One(TicketSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.createTicket(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/support/tickets',
    {
      config: { scope: 'support:read' },
      schema: { tags, summary: 'List support tickets, newest first', querystring: ListQuery, response: { 200: List(TicketSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listTickets(deps, authOf(request).scope, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/support/tickets/:id',
    { config: { scope: 'support:read' }, schema: { tags, summary: 'Get a support ticket', params: TicketParams, response: { 200: One(TicketSchema) } } },
    async (request) => ({ data: await service.getTicket(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateTicketBody> }>(
    '/support/tickets/:id',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Update a support ticket',
        description: 'Null clears an optional field. Moving to another queue before the first response recomputes `first_response_due_at`. `custom_fields` merges. Emits `ticket.updated` with `changed_fields` when something changed.',
        params: TicketParams,
        body: UpdateTicketBody,
        response: { 200: One(TicketSchema) },
      },
    },
    async (request) => ({
      data: await service.updateTicket(deps, authOf(request).scope, request.params.id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/support/tickets/:id',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Close a support ticket',
        description: 'Sets `status: closed` and `closed_at` (idempotent); the ticket, its messages and comments are kept.',
        params: TicketParams,
        response: { 200: One(TicketSchema) },
      },
    },
    async (request) => ({ data: await service.closeTicket(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );
}
