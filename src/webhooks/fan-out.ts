import type { Trx } from '../db/database.js';
import { scopeOf } from '../scope.js';
import type { EventsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { sql } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import { DELIVERY_CHANNEL, deliveryNotifier, PENDING } from './delivery-notifier.js';
import { insertDeliveries, listActiveEndpoints } from './webhook-repository.js';

// The outbox fan-out: one pending delivery per matching active endpoint, written in the same
// transaction as the event, so an event exists exactly when its deliveries do and a crash
// between "changed" and "queued" cannot happen. Paused and disabled endpoints get nothing.

export interface FanOutOptions {
  /** Deliver to this endpoint only, whatever it subscribes to (POST /v1/webhooks/{id}/test). */
  onlyEndpointId?: string;
}

export function subscribes(endpoint: Pick<WebhookEndpointsTable, 'event_types'>, type: string): boolean {
  const types = JSON.parse(endpoint.event_types) as string[];
  return types.includes('*') || types.includes(type);
}

export async function fanOutEvent(trx: Trx, event: EventsTable, opts: FanOutOptions = {}): Promise<number> {
  const endpoints = await listActiveEndpoints(trx, scopeOf(event));
  const targets = opts.onlyEndpointId
    ? endpoints.filter((e) => e.id === opts.onlyEndpointId)
    : endpoints.filter((e) => subscribes(e, event.type));
  const rows: WebhookDeliveriesTable[] = targets.map((endpoint) => ({
    id: newId('whd'),
    endpoint_id: endpoint.id,
    event_id: event.id,
    workspace_id: event.workspace_id,
    mode: event.mode,
    status: 'pending',
    attempt_count: 0,
    next_attempt_at: event.created_at,
    last_status_code: null,
    last_error: null,
    created_at: event.created_at,
    updated_at: event.created_at,
    delivered_at: null,
  }));
  await insertDeliveries(trx, rows);
  if (rows.length > 0) {
    if (isPostgres(trx)) {
      // A NOTIFY is delivered at commit, and not at all on rollback: every node's worker wakes
      // (delivery-notifier.ts relays it) once the rows are visible. In-process emit here would
      // wake the worker before the commit, on another pooled connection that cannot see them yet.
      await sql`SELECT pg_notify(${DELIVERY_CHANNEL}, '')`.execute(trx);
    } else {
      // SQLite: sent before the commit, and the worker's query waits for the (single)
      // connection, so it sees the rows once committed, or nothing if the transaction rolls back.
      deliveryNotifier.emit(PENDING);
    }
  }
  return rows.length;
}
