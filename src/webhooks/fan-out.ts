import type { Trx } from '../db/database.js';
import { scopeOf } from '../scope.js';
import type { EventsTable, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { deliveryNotifier, PENDING } from './delivery-notifier.js';
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
  // Sent before the commit: the worker's query waits for the (single) connection, so it sees
  // the rows once committed, or nothing if the transaction rolls back.
  if (rows.length > 0) deliveryNotifier.emit(PENDING);
  return rows.length;
}
