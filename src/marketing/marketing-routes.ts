import type { FastifyInstance } from 'fastify';
import { campaignRoutes } from './campaigns/campaign-routes.js';
import type { MarketingDeps } from './marketing-deps.js';
import { postRoutes } from './posts/post-routes.js';

/** Marketing campaigns (SMS campaigns sent by the gateway) and posts (seed 003, `cms:*` scopes), under /v1. */
export async function marketingRoutes(app: FastifyInstance, deps: MarketingDeps): Promise<void> {
  await campaignRoutes(app, deps);
  await postRoutes(app, deps);
}
