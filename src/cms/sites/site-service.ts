import type { Static } from '@sinclair/typebox';
import type { CmsSitesTable } from '../../db/schema-cms.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { isUniqueViolation } from '../cms-shared.js';
import * as repo from './site-repository.js';
import type { CreateSiteBody } from './site-schemas.js';

export type SiteDto = Omit<CmsSitesTable, 'workspace_id' | 'mode'>;

export const siteDto = (row: CmsSitesTable): SiteDto => ({
  id: row.id, key: row.key, name: row.name, primary_domain: row.primary_domain, created_at: row.created_at, updated_at: row.updated_at,
});

export async function createSite(deps: CrmDeps, scope: Scope, input: Static<typeof CreateSiteBody>, idempotency: IdempotencyHandle | null): Promise<SiteDto> {
  const now = deps.clock.now().toISOString();
  const row: CmsSitesTable = {
    id: newId('site'), workspace_id: scope.workspaceId, mode: scope.mode, key: input.key, name: input.name,
    primary_domain: input.primary_domain?.toLowerCase() ?? null, created_at: now, updated_at: now,
  };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await repo.insertSite(trx, row);
      const dto = siteDto(row);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('conflict', `A site with key "${input.key}" already exists.`, [{ field: 'key', error: 'already_exists', received: input.key }]);
    throw err;
  }
}

export async function getSite(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<SiteDto> {
  const row = await repo.findSite(deps.db, scope, id);
  if (!row) throw notFound('site');
  return siteDto(row);
}

export async function listSites(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, q: { query?: string }): Promise<SiteDto[]> {
  return (await repo.listSites(deps.db, scope, page, q)).map(siteDto);
}
