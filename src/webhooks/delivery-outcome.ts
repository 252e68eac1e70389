import type { Db, Trx } from '../db/database.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema.js';
import { emitEvent } from '../events/event-writer.js';
import { scopeOf, type Scope } from '../scope.js';
import type { AttemptResult } from './delivery-attempt.js';
import { endpointEventData } from './webhook-dto.js';
import * as repo from './webhook-repository.js';

// The rules after an attempt: success ends the delivery; a failure is retried on the schedule
// (with jitter, so endpoints recovering from an outage are not hit by every retry at once) and
// fails for good after the last step; an endpoint that has failed continuously for
// `disableAfterMs` is disabled and the developer is told with a `webhook_endpoint.disabled` event.
// An endpoint answering 410 Gone has said it will never accept deliveries again (Standard
// Webhooks: "disable the endpoint"): that delivery fails without retries and the endpoint is
// disabled at once, so its other pending deliveries wait instead of being sent to nobody.

export interface RetryPolicy {
  /** Delay after the 1st, 2nd, ... failed attempt; attempts = schedule.length + 1. */
  schedule: number[];
  /** ±fraction applied to each delay. */
  jitter: number;
  disableAfterMs: number;
  random: () => number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 8 attempts over about 22 hours: 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, 12 h between them. */
export const DEFAULT_SCHEDULE_MS = [30_000, 2 * MIN, 10 * MIN, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];
export const DEFAULT_DISABLE_AFTER_MS = 3 * 24 * HOUR;

/** Milliseconds until the next attempt after failed attempt number `attempt`; null when none is left. */
export function backoffMs(policy: Pick<RetryPolicy, 'schedule' | 'jitter' | 'random'>, attempt: number): number | null {
  const base = policy.schedule[attempt - 1];
  if (base === undefined) return null;
  return Math.max(0, Math.round(base * (1 - policy.jitter + 2 * policy.jitter * policy.random())));
}

export interface Outcome {
  deliveryId: string;
  attemptCount: number;
  endpoint: WebhookEndpointsTable;
  startedAt: Date;
  finishedAt: Date;
  result: AttemptResult;
}

/** Writes the attempt, the delivery's new state and the endpoint's health in one transaction. */
export async function recordOutcome(db: Db, policy: RetryPolicy, o: Outcome): Promise<void> {
  const attempt = o.attemptCount + 1;
  const gone = o.result.statusCode === GONE;
  const delay = o.result.ok || gone ? null : backoffMs(policy, attempt);
  const next = delay === null ? null : new Date(o.finishedAt.getTime() + delay).toISOString();
  const at = o.finishedAt.toISOString();
  const changes: Partial<WebhookDeliveriesTable> = {
    status: o.result.ok ? 'succeeded' : next ? 'pending' : 'failed',
    attempt_count: attempt,
    next_attempt_at: next,
    last_status_code: o.result.statusCode,
    last_error: o.result.error,
    updated_at: at,
    ...(o.result.ok ? { delivered_at: at } : {}),
  };
  await db.transaction().execute(async (trx) => {
    const kept = await repo.recordAttempt(trx, o.deliveryId, changes, {
      attempted_at: o.startedAt.toISOString(),
      status_code: o.result.statusCode,
      latency_ms: o.result.latencyMs,
      error: o.result.error,
      next_attempt_at: next,
    });
    if (!kept) return;
    if (gone) await disableEndpoint(trx, o.endpoint, goneReason(o.finishedAt), o.finishedAt);
    else await trackHealth(trx, policy, o.endpoint, o.result.ok, o.finishedAt);
  });
}

const GONE = 410;

const goneReason = (at: Date): string =>
  `The endpoint answered 410 Gone at ${at.toISOString()}, so no more deliveries are sent to it. PATCH status to active to resume.`;

function duration(ms: number): string {
  if (ms >= 24 * HOUR) return `${Math.round(ms / (24 * HOUR))} d`;
  if (ms >= HOUR) return `${Math.round(ms / HOUR)} h`;
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

async function trackHealth(trx: Trx, policy: RetryPolicy, endpoint: WebhookEndpointsTable, ok: boolean, now: Date): Promise<void> {
  const scope: Scope = scopeOf(endpoint);
  // Re-read inside the transaction: other attempts to this endpoint finish concurrently.
  const current = await repo.findEndpoint(trx, scope, endpoint.id);
  if (!current) return;
  if (ok) {
    if (current.failing_since !== null) await repo.updateEndpoint(trx, scope, current.id, { failing_since: null });
    return;
  }
  if (current.failing_since === null) {
    await repo.updateEndpoint(trx, scope, current.id, { failing_since: now.toISOString() });
    return;
  }
  if (current.status !== 'active' || now.getTime() - Date.parse(current.failing_since) < policy.disableAfterMs) return;
  const reason = `Every delivery since ${current.failing_since} failed, for longer than ${duration(policy.disableAfterMs)}. PATCH status to active to resume.`;
  await disableEndpoint(trx, current, reason, now);
}

/** Disables an active endpoint and tells the developer; a no-op when it is no longer active. */
async function disableEndpoint(trx: Trx, endpoint: WebhookEndpointsTable, reason: string, now: Date): Promise<void> {
  const scope: Scope = scopeOf(endpoint);
  // Re-read inside the transaction: another attempt may have disabled it (or it was paused).
  const current = await repo.findEndpoint(trx, scope, endpoint.id);
  if (!current || current.status !== 'active') return;
  const disabled: WebhookEndpointsTable = { ...current, status: 'disabled', disabled_reason: reason, updated_at: now.toISOString() };
  await repo.updateEndpoint(trx, scope, current.id, { status: 'disabled', disabled_reason: reason, updated_at: disabled.updated_at });
  // Written after the status change, so the disabled endpoint itself is not sent this event.
  await emitEvent(trx, scope, 'webhook_endpoint.disabled', endpointEventData(disabled), now);
}
