import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { WebhookDeliveryStatus, WebhookEndpointsTable } from '../db/schema.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import { newWebhookSecret } from '../net/standard-webhooks.js';
import { checkCustomerUrl, type Resolver } from '../net/url-safety.js';
import type { Scope } from '../scope.js';
import { deliveryNotifier, PENDING } from './delivery-notifier.js';
import { type DeliveryDto, deliveryDto, endpointDto, type WebhookEndpointDto } from './webhook-dto.js';
import * as repo from './webhook-repository.js';

export interface WebhooksDeps {
  db: Db;
  clock: Clock;
  config: Config;
  resolve?: Resolver;
  log: FastifyBaseLogger;
}

export interface CreateWebhookInput {
  url: string;
  event_types: string[];
  name?: string;
}

export interface UpdateWebhookInput {
  url?: string;
  event_types?: string[];
  name?: string | null;
  status?: 'active' | 'paused';
}

/** After a rotation the old secret keeps signing this long, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 3600_000;

async function vetUrl(deps: WebhooksDeps, url: string): Promise<void> {
  const check = await checkCustomerUrl(url, { allowPrivate: deps.config.allowPrivateUrls, resolve: deps.resolve });
  if (!check.ok) throw new ApiError('validation_error', `url ${check.message}`, [{ field: 'url', error: check.error, received: url }]);
}

// `["*", "call.ended"]` means the same as `["*"]`; store the simplest form.
const normalizeTypes = (types: string[]) => JSON.stringify(types.includes('*') ? ['*'] : types);

async function requireEndpoint(deps: Pick<WebhooksDeps, 'db'>, scope: Scope, id: string): Promise<WebhookEndpointsTable> {
  const row = await repo.findEndpoint(deps.db, scope, id);
  if (!row) throw notFound('webhook endpoint');
  return row;
}

function requireActive(row: WebhookEndpointsTable): void {
  if (row.status !== 'active') {
    throw new ApiError('conflict', `This endpoint is ${row.status}; PATCH its status to active first.`, [{ field: 'status', error: `endpoint_${row.status}` }]);
  }
}

export async function createEndpoint(deps: WebhooksDeps, scope: Scope, input: CreateWebhookInput, idempotency: IdempotencyHandle | null): Promise<WebhookEndpointDto> {
  await vetUrl(deps, input.url);
  const at = deps.clock.now().toISOString();
  const row: WebhookEndpointsTable = {
    id: newId('wh'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    url: input.url,
    name: input.name ?? null,
    event_types: normalizeTypes(input.event_types),
    status: 'active',
    secret: newWebhookSecret(),
    previous_secret: null,
    previous_secret_expires_at: null,
    failing_since: null,
    disabled_reason: null,
    created_at: at,
    updated_at: at,
  };
  return deps.db.transaction().execute(async (trx) => {
    await repo.insertEndpoint(trx, row);
    const dto = endpointDto(row, { withSecret: true });
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function listEndpoints(deps: Pick<WebhooksDeps, 'db'>, scope: Scope, page: PageRequest): Promise<WebhookEndpointDto[]> {
  return (await repo.listEndpoints(deps.db, scope, page)).map((row) => endpointDto(row));
}

export async function getEndpoint(deps: Pick<WebhooksDeps, 'db'>, scope: Scope, id: string): Promise<WebhookEndpointDto> {
  return endpointDto(await requireEndpoint(deps, scope, id));
}

export async function updateEndpoint(deps: WebhooksDeps, scope: Scope, id: string, input: UpdateWebhookInput): Promise<WebhookEndpointDto> {
  const existing = await requireEndpoint(deps, scope, id);
  if (input.url !== undefined) await vetUrl(deps, input.url);
  const changes: Partial<WebhookEndpointsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.url !== undefined) changes.url = input.url;
  if (input.event_types !== undefined) changes.event_types = normalizeTypes(input.event_types);
  if (input.name !== undefined) changes.name = input.name;
  if (input.status !== undefined && input.status !== existing.status) {
    changes.status = input.status;
    // Resuming starts the failure clock afresh; otherwise an endpoint re-enabled after being
    // disabled would be disabled again by its very next failure.
    if (input.status === 'active') Object.assign(changes, { failing_since: null, disabled_reason: null });
  }
  await repo.updateEndpoint(deps.db, scope, id, changes);
  // Deliveries held while the endpoint was paused or disabled are due now.
  if (changes.status === 'active') deliveryNotifier.emit(PENDING);
  return endpointDto({ ...existing, ...changes });
}

export async function deleteEndpoint(deps: Pick<WebhooksDeps, 'db'>, scope: Scope, id: string): Promise<{ id: string; deleted: true }> {
  await requireEndpoint(deps, scope, id);
  await deps.db.transaction().execute((trx) => repo.deleteEndpoint(trx, scope, id));
  return { id, deleted: true };
}

export async function rotateSecret(deps: WebhooksDeps, scope: Scope, id: string, idempotency: IdempotencyHandle | null): Promise<WebhookEndpointDto> {
  const existing = await requireEndpoint(deps, scope, id);
  const now = deps.clock.now();
  const changes = {
    secret: newWebhookSecret(),
    previous_secret: existing.secret,
    previous_secret_expires_at: new Date(now.getTime() + ROTATION_GRACE_MS).toISOString(),
    updated_at: now.toISOString(),
  };
  return deps.db.transaction().execute(async (trx) => {
    await repo.updateEndpoint(trx, scope, id, changes);
    const dto = endpointDto({ ...existing, ...changes }, { withSecret: true });
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** A `webhook.test` event delivered to this endpoint only; returns its delivery. */
export async function sendTestEvent(deps: WebhooksDeps, scope: Scope, id: string): Promise<DeliveryDto> {
  const endpoint = await requireEndpoint(deps, scope, id);
  requireActive(endpoint);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const data = { webhook_id: id, message: 'A test event sent with POST /v1/webhooks/{id}/test.' };
    const event = await emitEvent(trx, scope, 'webhook.test', data, at, { onlyEndpointId: id });
    const delivery = await repo.findDeliveryForEvent(trx, id, event.id);
    if (!delivery) throw new Error(`test event ${event.id} was not queued for ${id}`);
    return deliveryDto(delivery, []);
  });
}

export async function listDeliveries(
  deps: Pick<WebhooksDeps, 'db'>,
  scope: Scope,
  endpointId: string,
  page: PageRequest,
  status?: WebhookDeliveryStatus,
): Promise<DeliveryDto[]> {
  await requireEndpoint(deps, scope, endpointId);
  const rows = await repo.listDeliveries(deps.db, endpointId, page, status);
  const attempts = await repo.listAttempts(deps.db, rows.map((r) => r.id));
  return rows.map((row) => deliveryDto(row, attempts.filter((a) => a.delivery_id === row.id)));
}

/** Sends a delivery again now, whatever its status; a failed one gets one more attempt. */
export async function retryDelivery(deps: WebhooksDeps, scope: Scope, endpointId: string, deliveryId: string): Promise<DeliveryDto> {
  const endpoint = await requireEndpoint(deps, scope, endpointId);
  const row = await repo.findDelivery(deps.db, endpointId, deliveryId);
  if (!row) throw notFound('delivery');
  requireActive(endpoint);
  const now = deps.clock.now().toISOString();
  const changes = { status: 'pending' as const, next_attempt_at: now, updated_at: now };
  await repo.updateDelivery(deps.db, deliveryId, changes);
  deliveryNotifier.emit(PENDING);
  return deliveryDto({ ...row, ...changes }, await repo.listAttempts(deps.db, [deliveryId]));
}
