import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { List, One } from '../http/envelope.js';
import { EmptyBody } from '../http/empty-body.js';
import { authOf } from '../http/plugins/auth.js';
import { pageRequest, toPage } from '../http/pagination.js';
import {
  CreateWebhookBody,
  DeletedWebhookSchema,
  DeliveryParams,
  DeliverySchema,
  ListDeliveriesQuery,
  ListWebhooksQuery,
  UpdateWebhookBody,
  WebhookParams,
  WebhookSchema,
} from './webhook-schemas.js';
import * as service from './webhook-service.js';

type P = { Params: Static<typeof WebhookParams> };
const tags = ['webhooks'];

export async function webhookRoutes(app: FastifyInstance, deps: service.WebhooksDeps) {
  app.post<{ Body: Static<typeof CreateWebhookBody> }>(
    '/webhooks',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Register an event endpoint',
        description: 'Events of the listed types are POSTed to `url`, signed per Standard Webhooks. The signing `secret` is returned only in this response.',
        body: CreateWebhookBody,
        response: { 201: One(WebhookSchema) },
      },
    },
    async (request, reply) => {
      const dto = await service.createEndpoint(deps, authOf(request).scope, request.body, request.idempotency);
      return reply.code(201).send({ data: dto, request_id: request.id });
    },
  );

  app.get<{ Querystring: Static<typeof ListWebhooksQuery> }>(
    '/webhooks',
    { config: { scope: 'webhooks:read' }, schema: { tags, summary: 'List event endpoints, newest first', querystring: ListWebhooksQuery, response: { 200: List(WebhookSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await service.listEndpoints(deps, authOf(request).scope, page), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.get<P>(
    '/webhooks/:id',
    { config: { scope: 'webhooks:read' }, schema: { tags, summary: 'Get an event endpoint', params: WebhookParams, response: { 200: One(WebhookSchema) } } },
    async (request) => ({ data: await service.getEndpoint(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.patch<P & { Body: Static<typeof UpdateWebhookBody> }>(
    '/webhooks/:id',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Update an event endpoint',
        description: 'Set `status` to `paused` to stop deliveries (pending ones wait), or to `active` to resume a paused or disabled endpoint.',
        params: WebhookParams,
        body: UpdateWebhookBody,
        response: { 200: One(WebhookSchema) },
      },
    },
    async (request) => ({ data: await service.updateEndpoint(deps, authOf(request).scope, request.params.id, request.body), request_id: request.id }),
  );

  app.delete<P>(
    '/webhooks/:id',
    { config: { scope: 'webhooks:write' }, schema: { tags, summary: 'Delete an event endpoint and its delivery history', params: WebhookParams, response: { 200: One(DeletedWebhookSchema) } } },
    async (request) => ({ data: await service.deleteEndpoint(deps, authOf(request).scope, request.params.id), request_id: request.id }),
  );

  app.post<P>(
    '/webhooks/:id/rotate-secret',
    {
      config: { scope: 'webhooks:write' },
      schema: {
        tags,
        summary: 'Rotate the signing secret',
        description: 'Returns the new `secret` once. For 24 hours deliveries carry signatures from both the new and the previous secret.',
        params: WebhookParams,
        body: EmptyBody,
        response: { 200: One(WebhookSchema) },
      },
    },
    async (request) => ({ data: await service.rotateSecret(deps, authOf(request).scope, request.params.id, request.idempotency), request_id: request.id }),
  );

  app.post<P>(
    '/webhooks/:id/test',
    {
      config: { scope: 'webhooks:write' },
      schema: { tags, summary: 'Send a `webhook.test` event to this endpoint only', params: WebhookParams, body: EmptyBody, response: { 201: One(DeliverySchema) } },
    },
    async (request, reply) => {
      const delivery = await service.sendTestEvent(deps, authOf(request).scope, request.params.id);
      return reply.code(201).send({ data: delivery, request_id: request.id });
    },
  );

  app.get<P & { Querystring: Static<typeof ListDeliveriesQuery> }>(
    '/webhooks/:id/deliveries',
    {
      config: { scope: 'webhooks:read' },
      schema: { tags, summary: 'List deliveries with their attempts, newest first', params: WebhookParams, querystring: ListDeliveriesQuery, response: { 200: List(DeliverySchema) } },
    },
    async (request) => {
      const page = pageRequest(request.query);
      const rows = await service.listDeliveries(deps, authOf(request).scope, request.params.id, page, request.query.status);
      const { items, nextCursor } = toPage(rows, page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );

  app.post<{ Params: Static<typeof DeliveryParams> }>(
    '/webhooks/:id/deliveries/:delivery_id/retry',
    {
      config: { scope: 'webhooks:write' },
      schema: { tags, summary: 'Send a delivery again now, even if it failed', params: DeliveryParams, body: EmptyBody, response: { 200: One(DeliverySchema) } },
    },
    async (request) => ({
      data: await service.retryDelivery(deps, authOf(request).scope, request.params.id, request.params.delivery_id),
      request_id: request.id,
    }),
  );
}
