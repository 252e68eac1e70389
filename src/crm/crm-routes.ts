import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from './crm-deps.js';
import { peopleRoutes } from './people/people-routes.js';
import { salesRoutes } from './sales/sales-routes.js';
import { supportRoutes } from '../support/support-routes.js';
import { taskRoutes } from '../tasks/task-routes.js';
import { cmsRoutes } from '../cms/cms-routes.js';
import { blogRoutes } from '../blog/blog-routes.js';
import { accountingRoutes } from '../accounting/accounting-routes.js';
import { assetRoutes } from '../assets/asset-routes.js';
import { integrationRoutes } from '../integrations/integration-routes.js';
import { analyticsRoutes } from '../analytics/analytics-routes.js';
import { biRoutes } from '../bi/bi-routes.js';

/** The CRM and support API (seed 003), registered under /v1. */
export async function crmRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await app.register(peopleRoutes, deps);
  await app.register(salesRoutes, deps);
  await app.register(supportRoutes, deps);
  await app.register(taskRoutes, deps);
  await app.register(cmsRoutes, deps);
  await app.register(blogRoutes, deps);
  await app.register(accountingRoutes, deps);
  await app.register(assetRoutes, deps);
  await app.register(integrationRoutes, deps);
  await app.register(analyticsRoutes, deps);
  await app.register(biRoutes, deps);
}
