import type { Trx } from '../db/database.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { type FanOutOptions, fanOutEvent } from '../webhooks/fan-out.js';
import { insertEvent } from './event-repository.js';

// The outbox writer. Call it inside the transaction that makes the change, so the event exists
// exactly when the change does; the same transaction queues one delivery per matching webhook
// endpoint (webhooks/fan-out.ts), which the delivery worker sends afterwards.

export type EventType =
  | 'number.provisioned'
  | 'number.updated'
  | 'number.released'
  | 'number.renewed'
  | 'number.renewal_failed'
  | 'credits.purchased'
  | 'call.started'
  | 'call.ended'
  | 'call.transcript.ready'
  | 'call.recording.ready'
  | 'sms.sent'
  | 'sms.received'
  | 'sms.delivered'
  | 'sms.failed'
  | 'credits.low'
  | 'webhook_endpoint.disabled'
  | 'webhook.test'
  | 'contact.created'
  | 'lead.created'
  | 'lead.converted'
  | 'deal.stage_changed'
  | 'ticket.created'
  | 'ticket.updated'
  | 'invoice.paid'
  | 'task.created'
  | 'customer.created'
  | 'customer.updated'
  | 'customer.deleted'
  | 'auth.install_token.exchanged'
  | 'auth.install_token.replayed'
  | 'agent.created'
  | 'agent.updated'
  | 'identity.updated'
  | 'usage.limit_exceeded'
  | 'asset.available'
  | 'asset.archived'
  | 'bi.export.completed'
  | 'bi.export.failed'
  | 'bi.scheduled_artifact.completed';

/** Types a workspace registers itself (POST /v1/integrations/events) and emits through the API. */
export type ExternalEventType = `external.${string}`;

/** Every type a webhook endpoint can subscribe to (`*` means all). */
export const EVENT_TYPES: readonly EventType[] = [
  'number.provisioned', 'number.updated', 'number.released', 'number.renewed', 'number.renewal_failed',
  'credits.purchased', 'credits.low', 'call.started', 'call.ended', 'call.transcript.ready', 'call.recording.ready',
  'sms.sent', 'sms.received', 'sms.delivered', 'sms.failed', 'webhook_endpoint.disabled', 'webhook.test',
  'contact.created', 'lead.created', 'lead.converted', 'deal.stage_changed', 'ticket.created', 'ticket.updated',
  'invoice.paid', 'task.created',
  'customer.created', 'customer.updated', 'customer.deleted', 'auth.install_token.exchanged', 'auth.install_token.replayed',
  'agent.created', 'agent.updated', 'identity.updated', 'usage.limit_exceeded',
  'asset.available', 'asset.archived', 'bi.export.completed', 'bi.export.failed', 'bi.scheduled_artifact.completed',
];

export interface EventDto {
  id: string;
  type: string;
  created_at: string;
  livemode: boolean;
  data: Record<string, unknown>;
}

export async function emitEvent(
  trx: Trx,
  scope: Scope,
  type: EventType | ExternalEventType,
  data: Record<string, unknown>,
  at: Date,
  delivery: FanOutOptions = {},
): Promise<EventDto> {
  const row = {
    id: newId('evt'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    type,
    data: JSON.stringify(data),
    created_at: at.toISOString(),
  };
  await insertEvent(trx, row);
  await fanOutEvent(trx, row, delivery);
  return { id: row.id, type, created_at: row.created_at, livemode: scope.mode === 'live', data };
}
