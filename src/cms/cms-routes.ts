import type { FastifyInstance } from 'fastify';
import type { CrmDeps } from '../crm/crm-deps.js';
import { collectionRoutes } from './collections/collection-routes.js';
import { entryRoutes } from './entries/entry-routes.js';
import { siteRoutes } from './sites/site-routes.js';

/** The CMS API (seed 003 "CMS"), registered under /v1. */
export async function cmsRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  await app.register(siteRoutes, deps);
  await app.register(collectionRoutes, deps);
  await app.register(entryRoutes, deps);
}
