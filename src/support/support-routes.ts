import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';

/** Routes for support queues, tickets, ticket messages and comments (under /v1). */
export async function supportRoutes(_app: FastifyInstance, _deps: CrmDeps): Promise<void> {}
