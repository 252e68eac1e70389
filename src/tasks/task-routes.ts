import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';

/** Routes for tasks (under /v1). */
export async function taskRoutes(_app: FastifyInstance, _deps: CrmDeps): Promise<void> {}
