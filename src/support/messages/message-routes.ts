import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { CreateMessageBody, ListMessagesQuery, MessageSchema, TicketIdParams } from './message-schemas.js';
import * as service from './message-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListMessagesQuery });
type P = { Params: Static<typeof TicketIdParams> };
const tags = ['support'];

export async function messageRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<P & { Body: Static<typeof CreateMessageBody> }>(
    '/support/tickets/:id/messages',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Add a message to a support ticket',
        description: 'A message exchanged with the customer (`channel` defaults to `api`). The first `outbound` one sets the ticket\'s `first_responded_at`.',
        params: TicketIdParams,
        body: CreateMessageBody,
        response: { 201: One(MessageSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.addTicketMessage(deps, authOf(request).scope, request.params.id, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<P & { Querystring: Static<typeof ListQuery> }>(
    '/support/tickets/:id/messages',
    {
      config: { scope: 'support:read' },
      schema: { tags, summary: 'List a support ticket\'s messages, newest first', params: TicketIdParams, querystring: ListQuery, response: { 200: List(MessageSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listTicketMessages(deps, authOf(request).scope, request.params.id, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );
}
