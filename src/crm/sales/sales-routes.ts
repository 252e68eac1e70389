import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm-deps.js';

/** Routes for leads, deal stages, deals, invoices and payments (under /v1). */
export async function salesRoutes(_app: FastifyInstance, _deps: CrmDeps): Promise<void> {}
