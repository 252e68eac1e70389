import type { WebhookEndpointsTable } from '../db/schema.js';
import type { AttemptRow, DeliveryRow } from './webhook-repository.js';

export interface WebhookEndpointDto {
  id: string;
  url: string;
  name: string | null;
  event_types: string[];
  status: WebhookEndpointsTable['status'];
  livemode: boolean;
  secret_preview: string;
  /** Only in the responses that create or rotate it. */
  secret?: string;
  previous_secret_expires_at: string | null;
  failing_since: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** `whsec_abcd...wxyz`: enough to tell secrets apart, too little to sign with. */
export function secretPreview(secret: string): string {
  const body = secret.replace(/^whsec_/, '');
  return `whsec_${body.slice(0, 4)}...${body.slice(-4)}`;
}

export function endpointDto(row: WebhookEndpointsTable, opts: { withSecret?: boolean } = {}): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    event_types: JSON.parse(row.event_types) as string[],
    status: row.status,
    livemode: row.mode === 'live',
    secret_preview: secretPreview(row.secret),
    ...(opts.withSecret ? { secret: row.secret } : {}),
    previous_secret_expires_at: row.previous_secret_expires_at,
    failing_since: row.failing_since,
    disabled_reason: row.disabled_reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The endpoint as events carry it: no secret material at all. */
export function endpointEventData(row: WebhookEndpointsTable): Record<string, unknown> {
  const { secret_preview: _preview, secret: _secret, previous_secret_expires_at: _grace, ...rest } = endpointDto(row);
  return rest;
}

export interface DeliveryAttemptDto {
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  next_attempt_at: string | null;
}

export interface DeliveryDto {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryRow['status'];
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
  attempts: DeliveryAttemptDto[];
}

export function deliveryDto(row: DeliveryRow, attempts: AttemptRow[]): DeliveryDto {
  return {
    id: row.id,
    webhook_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempt_count: row.attempt_count,
    next_attempt_at: row.next_attempt_at,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    delivered_at: row.delivered_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    attempts: attempts.map((a) => ({
      attempted_at: a.attempted_at,
      status_code: a.status_code,
      latency_ms: a.latency_ms,
      error: a.error,
      next_attempt_at: a.next_attempt_at,
    })),
  };
}
