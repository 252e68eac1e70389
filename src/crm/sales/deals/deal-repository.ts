import type { Executor } from '../../../db/database.js';
import type { DealsTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';
import { customFieldFilter } from '../../custom-fields.js';

export interface DealFilter {
  stage?: string;
  company_id?: string;
  contact_id?: string;
  custom_field_key?: string;
  custom_field_value?: string;
  include_archived?: boolean;
}

export type DealChanges = Partial<Omit<DealsTable, 'id' | 'workspace_id' | 'mode' | 'created_at'>>;

export async function insertDeal(db: Executor, row: DealsTable): Promise<void> {
  await db.insertInto('deals').values(row).execute();
}

export async function findDeal(db: Executor, scope: Scope, id: string): Promise<DealsTable | undefined> {
  return db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDeals(db: Executor, scope: Scope, page: PageRequest, filter: DealFilter): Promise<DealsTable[]> {
  let q = db.selectFrom('deals').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (!filter.include_archived) q = q.where('archived_at', 'is', null);
  if (filter.stage) q = q.where('stage', '=', filter.stage);
  if (filter.company_id) q = q.where('company_id', '=', filter.company_id);
  if (filter.contact_id) q = q.where('contact_id', '=', filter.contact_id);
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateDeal(db: Executor, scope: Scope, id: string, changes: DealChanges): Promise<void> {
  await db
    .updateTable('deals')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}
