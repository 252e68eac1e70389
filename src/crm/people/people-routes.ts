import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm-deps.js';

/** Routes for workspace, contacts, companies, activities and the contact timeline (under /v1). */
export async function peopleRoutes(_app: FastifyInstance, _deps: CrmDeps): Promise<void> {}
