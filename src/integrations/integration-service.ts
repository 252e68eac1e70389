import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../crm/crm-deps.js';
import type { IntegrationEventTypesTable } from '../db/schema-data.js';
import { ApiError, notFound } from '../errors.js';
import { emitEvent, type EventDto, EVENT_TYPES } from '../events/event-writer.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { EVENT_CATALOGUE } from './event-catalogue.js';
import type { EventTypeSchema, RegisterEventTypeBody } from './integration-schemas.js';
import * as repo from './integration-repository.js';
import { compilePayloadSchema, MAX_SCHEMA_CHARS, payloadErrors } from './payload-validator.js';

// The catalogue of event types (the gateway's own, and the workspace's `external.*` ones) and
// emitting an external event: validated against its registered schema, then written to the
// outbox like any gateway event, so webhooks deliver it signed, retried and logged.

export type EventTypeDto = Static<typeof EventTypeSchema>;
export type RegisterInput = Static<typeof RegisterEventTypeBody>;

const KEY = /^external\.[a-z0-9_]+(\.[a-z0-9_]+)*$/;

function gatewayTypes(scope: Scope): EventTypeDto[] {
  return EVENT_TYPES.map((key) => {
    const e = EVENT_CATALOGUE[key];
    return { id: null, key, category: e.category, description: e.description, source: 'gateway' as const, payload_schema: e.payload_schema, livemode: scope.mode === 'live', created_at: null, updated_at: null };
  });
}

function workspaceType(row: IntegrationEventTypesTable): EventTypeDto {
  return {
    id: row.id, key: row.key, category: row.category, description: row.description, source: 'workspace',
    payload_schema: row.payload_schema === null ? null : (JSON.parse(row.payload_schema) as Record<string, unknown>),
    livemode: row.mode === 'live', created_at: row.created_at, updated_at: row.updated_at,
  };
}

/** Ordered by key; the cursor is the last key of the page. */
export async function listEventTypes(deps: CrmDeps, scope: Scope, q: { query?: string; category?: string; afterKey?: string; limit: number }): Promise<EventTypeDto[]> {
  const all = [...gatewayTypes(scope), ...(await repo.listEventTypes(deps.db, scope)).map(workspaceType)].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const needle = q.query?.trim().toLowerCase();
  return all
    .filter((t) => q.category === undefined || t.category === q.category)
    .filter((t) => !needle || t.key.toLowerCase().includes(needle) || (t.description ?? '').toLowerCase().includes(needle))
    .filter((t) => q.afterKey === undefined || t.key > q.afterKey)
    .slice(0, q.limit + 1);
}

export async function registerEventType(deps: CrmDeps, scope: Scope, input: RegisterInput, idempotency: IdempotencyHandle | null): Promise<EventTypeDto> {
  if (!KEY.test(input.key)) {
    throw new ApiError('validation_error', 'key must start with `external.` and be lowercase words (a-z, 0-9, _) separated by dots; the gateway\'s own types are not yours to register.', [
      { field: 'key', error: 'must_start_with_external', received: input.key },
    ]);
  }
  let schemaText: string | null = null;
  if (input.payload_schema !== undefined) {
    schemaText = JSON.stringify(input.payload_schema);
    if (schemaText.length > MAX_SCHEMA_CHARS) throw new ApiError('validation_error', `payload_schema may be at most ${MAX_SCHEMA_CHARS} characters of JSON.`, [{ field: 'payload_schema', error: 'too_long' }]);
    compilePayloadSchema(schemaText);
  }
  if ((await repo.countEventTypes(deps.db, scope)) >= repo.MAX_TYPES_PER_WORKSPACE) {
    throw new ApiError('validation_error', `A workspace may register at most ${repo.MAX_TYPES_PER_WORKSPACE} event types.`, [{ field: 'key', error: 'too_many_types' }]);
  }
  const iso = deps.clock.now().toISOString();
  const row: IntegrationEventTypesTable = {
    id: newId('iet'), workspace_id: scope.workspaceId, mode: scope.mode, key: input.key, category: input.category,
    description: input.description ?? null, payload_schema: schemaText, created_at: iso, updated_at: iso,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.insertEventType(trx, row))) throw new ApiError('conflict', `The event type ${input.key} is already registered in this workspace.`, [{ field: 'key', error: 'already_registered', received: input.key }]);
    const dto = workspaceType(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function emitExternalEvent(deps: CrmDeps, scope: Scope, key: string, data: Record<string, unknown>, idempotency: IdempotencyHandle | null): Promise<EventDto> {
  const type = await repo.findEventType(deps.db, scope, key);
  if (!type) throw new ApiError('not_found', `No event type ${key} is registered in this workspace (POST /v1/integrations/events).`);
  if (type.payload_schema !== null) {
    const errors = payloadErrors(type.payload_schema, data);
    if (errors) throw new ApiError('validation_error', errors.message, errors.details);
  }
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const event = await emitEvent(trx, scope, key as `external.${string}`, data, at);
    await idempotency?.saveInTx(trx, 201, event);
    return event;
  });
}
