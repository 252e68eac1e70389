import { type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookDeliveryStatus, WebhookEndpointsTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { Scope } from '../scope.js';

type EndpointChanges = Partial<Omit<WebhookEndpointsTable, 'id' | 'workspace_id' | 'mode'>>;
type DeliveryChanges = Partial<Omit<WebhookDeliveriesTable, 'id' | 'endpoint_id' | 'event_id' | 'workspace_id' | 'mode'>>;

// ---- endpoints ----

export async function insertEndpoint(db: Executor, row: WebhookEndpointsTable): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function findEndpoint(db: Executor, scope: Scope, id: string): Promise<WebhookEndpointsTable | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listEndpoints(db: Executor, scope: Scope, page: PageRequest): Promise<WebhookEndpointsTable[]> {
  let q = db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

export async function listActiveEndpoints(db: Executor, scope: Scope): Promise<WebhookEndpointsTable[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('status', '=', 'active')
    .execute();
}

export async function updateEndpoint(db: Executor, scope: Scope, id: string, changes: EndpointChanges): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** Removes the endpoint with its deliveries and their attempts; run it in a transaction. */
export async function deleteEndpoint(db: Executor, scope: Scope, id: string): Promise<void> {
  const deliveries = db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', id);
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  await db
    .deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

// ---- deliveries ----

export async function insertDeliveries(db: Executor, rows: WebhookDeliveriesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute();
}

export type DeliveryRow = WebhookDeliveriesTable & { event_type: string };

const deliveriesWithType = (db: Executor) =>
  db.selectFrom('webhook_deliveries as d').innerJoin('events as ev', 'ev.id', 'd.event_id').selectAll('d').select('ev.type as event_type');

/** Endpoint ids reach here already checked against the caller's scope. */
export async function findDelivery(db: Executor, endpointId: string, id: string): Promise<DeliveryRow | undefined> {
  return deliveriesWithType(db).where('d.endpoint_id', '=', endpointId).where('d.id', '=', id).executeTakeFirst();
}

export async function listDeliveries(db: Executor, endpointId: string, page: PageRequest, status?: WebhookDeliveryStatus): Promise<DeliveryRow[]> {
  let q = deliveriesWithType(db).where('d.endpoint_id', '=', endpointId);
  if (status) q = q.where('d.status', '=', status);
  if (page.afterId) q = q.where('d.id', '<', page.afterId);
  return q.orderBy('d.id', 'desc').limit(page.limit + 1).execute();
}

export type AttemptRow = Selectable<WebhookAttemptsTable>;

export async function listAttempts(db: Executor, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('id', 'asc').execute();
}

export async function updateDelivery(db: Executor, id: string, changes: DeliveryChanges): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

// ---- the delivery worker ----

export interface DueDelivery {
  id: string;
  endpoint_id: string;
  next_attempt_at: string;
}

/**
 * Due pending deliveries of active endpoints, oldest first, at most `perEndpoint` per endpoint
 * so one endpoint with a backlog cannot fill every slot. Rows in `exclude` are in flight here.
 */
export async function listDue(db: Executor, nowIso: string, perEndpoint: number, limit: number, exclude: string[]): Promise<DueDelivery[]> {
  let ranked = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.endpoint_id', 'd.next_attempt_at'])
    .select(sql<number>`row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id)`.as('rank'))
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', nowIso)
    .where('e.status', '=', 'active');
  if (exclude.length > 0) ranked = ranked.where('d.id', 'not in', exclude);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select(['r.id', 'r.endpoint_id', 'r.next_attempt_at'])
    .where('r.rank', '<=', perEndpoint)
    .orderBy('r.next_attempt_at')
    .limit(limit)
    .execute();
  return rows as DueDelivery[];
}

/**
 * Takes a due delivery by moving its next_attempt_at to the end of a lease: nobody else picks it
 * meanwhile, and if this process dies mid-attempt the row simply comes due again.
 */
export async function claimDelivery(db: Executor, id: string, nowIso: string, leaseUntilIso: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntilIso })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface DeliveryWork {
  id: string;
  attempt_count: number;
  endpoint: WebhookEndpointsTable;
  event: { id: string; type: string; created_at: string; mode: string; data: string };
}

/** What one attempt needs; undefined when the delivery or its endpoint is gone or not active. */
export async function loadWork(db: Executor, id: string): Promise<DeliveryWork | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('events as ev', 'ev.id', 'd.event_id')
    .select(['d.id', 'd.attempt_count', 'd.endpoint_id', 'd.status', 'ev.id as event_id', 'ev.type', 'ev.created_at', 'ev.mode', 'ev.data'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row || row.status !== 'pending') return undefined;
  const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', row.endpoint_id).executeTakeFirst();
  if (!endpoint || endpoint.status !== 'active') return undefined;
  return {
    id: row.id,
    attempt_count: row.attempt_count,
    endpoint,
    event: { id: row.event_id, type: row.type, created_at: row.created_at, mode: row.mode, data: row.data },
  };
}

/**
 * Updates a pending delivery after an attempt and keeps the attempt, in the caller's
 * transaction. False (and nothing written) when the delivery was deleted meanwhile.
 */
export async function recordAttempt(
  db: Executor,
  id: string,
  changes: DeliveryChanges,
  attempt: Omit<WebhookAttemptsTable, 'id' | 'delivery_id'>,
): Promise<boolean> {
  const result = await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.insertInto('webhook_attempts').values({ ...attempt, delivery_id: id }).execute();
  return true;
}

export async function findDeliveryForEvent(db: Executor, endpointId: string, eventId: string): Promise<DeliveryRow | undefined> {
  return deliveriesWithType(db).where('d.endpoint_id', '=', endpointId).where('d.event_id', '=', eventId).executeTakeFirst();
}
