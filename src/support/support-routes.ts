import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { commentRoutes } from './comments/comment-routes.js';
import { messageRoutes } from './messages/message-routes.js';
import { queueRoutes } from './queues/queue-routes.js';
import { ticketRoutes } from './tickets/ticket-routes.js';

/** Routes for support queues, tickets, ticket messages and comments (under /v1). */
export async function supportRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await app.register(queueRoutes, deps);
  await app.register(ticketRoutes, deps);
  await app.register(messageRoutes, deps);
  await app.register(commentRoutes, deps);
}
