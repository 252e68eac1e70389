import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { List, One } from '../../http/envelope.js';
import { authOf } from '../../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../../http/pagination.js';
import { TicketIdParams } from '../messages/message-schemas.js';
import { DeletedSchema } from '../support-schemas.js';
import { CommentParams, CommentSchema, CreateCommentBody, ListCommentsQuery, UpdateCommentBody } from './comment-schemas.js';
import * as service from './comment-service.js';

const ListQuery = Type.Object({ ...PageQuery, ...ListCommentsQuery });
type TicketP = { Params: Static<typeof TicketIdParams> };
type P = { Params: Static<typeof CommentParams> };
const tags = ['support'];

export async function commentRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  app.post<TicketP & { Body: Static<typeof CreateCommentBody> }>(
    '/support/tickets/:id/comments',
    {
      config: { scope: 'support:write' },
      schema: {
        tags,
        summary: 'Add an internal comment to a support ticket',
        description: 'Comments are internal notes, never sent to the customer (see messages for that). `pinned` defaults to false.',
        params: TicketIdParams,
        body: CreateCommentBody,
        response: { 201: One(CommentSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.addTicketComment(deps, authOf(request).scope, request.params.id, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<TicketP & { Querystring: Static<typeof ListQuery> }>(
    '/support/tickets/:id/comments',
    {
      config: { scope: 'support:read' },
      schema: { tags, summary: 'List a support ticket\'s comments, newest first', params: TicketIdParams, querystring: ListQuery, response: { 200: List(CommentSchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listTicketComments(deps, authOf(request).scope, request.params.id, page, request.query);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.patch<P & { Body: Static<typeof UpdateCommentBody> }>(
    '/support/tickets/:id/comments/:comment_id',
    {
      config: { scope: 'support:write' },
      schema: { tags, summary: 'Edit, pin or unpin a comment', params: CommentParams, body: UpdateCommentBody, response: { 200: One(CommentSchema) } },
    },
    async (request) => ({
      data: await service.updateTicketComment(deps, authOf(request).scope, request.params.id, request.params.comment_id, request.body, request.idempotency),
      request_id: request.id,
    }),
  );

  app.delete<P>(
    '/support/tickets/:id/comments/:comment_id',
    {
      config: { scope: 'support:write' },
      schema: { tags, summary: 'Delete a comment', params: CommentParams, response: { 200: One(DeletedSchema) } },
    },
    async (request) => ({
      data: await service.deleteTicketComment(deps, authOf(request).scope, request.params.id, request.params.comment_id),
      request_id: request.id,
    }),
  );
}
