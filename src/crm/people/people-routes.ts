import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm-deps.js';
import { activityRoutes } from './activities/activity-routes.js';
import { companyRoutes } from './companies/company-routes.js';
import { contactRoutes } from './contacts/contact-routes.js';
import { timelineRoutes } from './timeline/timeline-routes.js';
import { workspaceRoutes } from './workspace/workspace-routes.js';

/** Routes for workspace, contacts, companies, activities and the contact timeline (under /v1). */
export async function peopleRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await app.register(workspaceRoutes, deps);
  await app.register(contactRoutes, deps);
  await app.register(companyRoutes, deps);
  await app.register(activityRoutes, deps);
  await app.register(timelineRoutes, deps);
}
