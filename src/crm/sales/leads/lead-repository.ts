import type { Executor } from '../../../db/database.js';
import type { LeadSource, LeadStatus, LeadsTable } from '../../../db/schema-crm.js';
import type { PageRequest } from '../../../http/pagination.js';
import type { Scope } from '../../../scope.js';
import { customFieldFilter } from '../../custom-fields.js';
import { matchesSearch } from '../../search-index.js';

export interface LeadFilter {
  query?: string;
  status?: LeadStatus;
  source?: LeadSource;
  phone?: string;
  custom_field_key?: string;
  custom_field_value?: string;
}

export type LeadChanges = Partial<Omit<LeadsTable, 'id' | 'workspace_id' | 'mode' | 'created_at'>>;

export async function insertLead(db: Executor, row: LeadsTable): Promise<void> {
  await db.insertInto('leads').values(row).execute();
}

export async function findLead(db: Executor, scope: Scope, id: string): Promise<LeadsTable | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listLeads(db: Executor, scope: Scope, page: PageRequest, filter: LeadFilter): Promise<LeadsTable[]> {
  let q = db.selectFrom('leads').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (filter.query?.trim()) q = q.where(matchesSearch(db, scope, 'lead', filter.query));
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.phone) q = q.where('phone', '=', filter.phone);
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateLead(db: Executor, scope: Scope, id: string, changes: LeadChanges): Promise<void> {
  await db
    .updateTable('leads')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/**
 * The conversion guard: flips the lead to `converted` only if it is not already, in one
 * conditional UPDATE, so of two racing conversions exactly one gets the row back.
 */
export async function claimForConversion(db: Executor, scope: Scope, id: string, at: string): Promise<LeadsTable | undefined> {
  return db
    .updateTable('leads')
    .set({ status: 'converted', converted_at: at, updated_at: at })
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', '!=', 'converted')
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a lead unless it was converted; false when nothing was deleted. */
export async function deleteUnconvertedLead(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('leads')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .where('status', '!=', 'converted')
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The newest lead with this E.164 number that has not been converted (telephony: unknown callers). */
export async function findOpenLeadByPhone(db: Executor, scope: Scope, phone: string): Promise<LeadsTable | undefined> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('phone', '=', phone)
    .where('status', '!=', 'converted')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
