import type { Executor } from '../db/database.js';
import type { NumbersTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';
import { withAgent } from '../agent-profiles/agent-overlay.js';

export async function insertNumber(db: Executor, row: NumbersTable): Promise<void> {
  await db.insertInto('numbers').values(row).execute();
}

export async function findNumber(db: Executor, scope: Scope, id: string): Promise<NumbersTable | undefined> {
  return db
    .selectFrom('numbers')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Inbound routing: the active number with this E.164 in this mode, whatever its workspace, with
 * its agent's settings in place of its own when it points at one (agent-profiles/agent-overlay.ts).
 */
export async function findActiveByPhone(db: Executor, mode: Scope['mode'], phoneNumber: string): Promise<NumbersTable | undefined> {
  const row = await db
    .selectFrom('numbers')
    .selectAll()
    .where('mode', '=', mode)
    .where('phone_number', '=', phoneNumber)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row && withAgent(db, row);
}

export async function listNumbers(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  filter: { status?: string; phoneNumber?: string },
): Promise<NumbersTable[]> {
  let q = db
    .selectFrom('numbers')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  if (filter.status) q = q.where('status', '=', filter.status as NumbersTable['status']);
  if (filter.phoneNumber) q = q.where('phone_number', '=', filter.phoneNumber);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function updateNumber(
  db: Executor,
  scope: Scope,
  id: string,
  changes: Partial<Omit<NumbersTable, 'id' | 'workspace_id' | 'mode'>>,
): Promise<void> {
  await db
    .updateTable('numbers')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** Active numbers whose renewal date has come, across workspaces (the renewal sweeper). */
export async function listDueForRenewal(db: Executor, nowIso: string, limit: number): Promise<NumbersTable[]> {
  return db
    .selectFrom('numbers')
    .selectAll()
    .where('status', '=', 'active')
    .where('renews_at', '<=', nowIso)
    .orderBy('renews_at', 'asc')
    .limit(limit)
    .execute();
}

/**
 * Moves an active number's renewal date from `fromIso` (the one the sweep read) to `toIso`.
 * Conditional, so of two sweeps racing on one number (two gateway nodes) exactly one renews and
 * charges it; false for the other.
 */
export async function advanceRenewal(db: Executor, id: string, fromIso: string, toIso: string, atIso: string): Promise<boolean> {
  const res = await db
    .updateTable('numbers')
    .set({ renews_at: toIso, renewal_failed_at: null, updated_at: atIso })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('renews_at', '=', fromIso)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the first failed renewal of a period; false when another sweep already did. */
export async function markRenewalFailed(db: Executor, id: string, renewsAtIso: string, atIso: string): Promise<boolean> {
  const res = await db
    .updateTable('numbers')
    .set({ renewal_failed_at: atIso })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('renews_at', '=', renewsAtIso)
    .where('renewal_failed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
