import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../crm/crm-deps.js';
import type { AnalyticsEventsTable, AnalyticsPropertiesTable } from '../db/schema-data.js';
import { ApiError } from '../errors.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import type { AnalyticsEventSchema, AnalyticsPropertySchema, DefineEventBody, DefinePropertyBody, PropertyType, ValidationResultSchema } from './analytics-schemas.js';
import * as repo from './analytics-repository.js';
import { checkPayload, type PropertyRule } from './payload-check.js';

// Analytics governance: which events a workspace tracks, who owns them, which properties they
// carry, and the properties' types. `validate` tells a producer whether a payload is one.

export type EventDefinitionDto = Static<typeof AnalyticsEventSchema>;
export type PropertyDto = Static<typeof AnalyticsPropertySchema>;

const eventDto = (row: AnalyticsEventsTable): EventDefinitionDto => ({
  id: row.id, livemode: row.mode === 'live', name: row.name, description: row.description, owner: row.owner,
  properties: JSON.parse(row.properties) as string[], created_at: row.created_at, updated_at: row.updated_at,
});

const propertyDto = (row: AnalyticsPropertiesTable): PropertyDto => ({
  id: row.id, livemode: row.mode === 'live', key: row.key, type: row.type as PropertyType, description: row.description,
  required: row.required === 1, created_at: row.created_at, updated_at: row.updated_at,
});

export async function defineEvent(deps: CrmDeps, scope: Scope, input: Static<typeof DefineEventBody>, idempotency: IdempotencyHandle | null): Promise<EventDefinitionDto> {
  const iso = deps.clock.now().toISOString();
  const row: AnalyticsEventsTable = {
    id: newId('aev'), workspace_id: scope.workspaceId, mode: scope.mode, name: input.name, description: input.description ?? null,
    owner: input.owner ?? null, properties: JSON.stringify(input.properties ?? []), created_at: iso, updated_at: iso,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.insertEvent(trx, row))) throw new ApiError('conflict', `An analytics event named ${input.name} is already defined.`, [{ field: 'name', error: 'already_defined', received: input.name }]);
    const dto = eventDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function defineProperty(deps: CrmDeps, scope: Scope, input: Static<typeof DefinePropertyBody>, idempotency: IdempotencyHandle | null): Promise<PropertyDto> {
  const iso = deps.clock.now().toISOString();
  const row: AnalyticsPropertiesTable = {
    id: newId('prop'), workspace_id: scope.workspaceId, mode: scope.mode, key: input.key, type: input.type,
    description: input.description ?? null, required: input.required ? 1 : 0, created_at: iso, updated_at: iso,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.insertProperty(trx, row))) throw new ApiError('conflict', `A property ${input.key} is already defined.`, [{ field: 'key', error: 'already_defined', received: input.key }]);
    const dto = propertyDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function listEvents(deps: CrmDeps, scope: Scope, page: PageRequest, f: { query?: string; owner?: string }): Promise<EventDefinitionDto[]> {
  return (await repo.listEvents(deps.db, scope, page, f)).map(eventDto);
}

export async function listProperties(deps: CrmDeps, scope: Scope, page: PageRequest, f: { query?: string }): Promise<PropertyDto[]> {
  return (await repo.listProperties(deps.db, scope, page, f)).map(propertyDto);
}

export async function validatePayload(deps: CrmDeps, scope: Scope, name: string, payload: Record<string, unknown>, requestId: string): Promise<Static<typeof ValidationResultSchema>> {
  const event = await repo.findEventByName(deps.db, scope, name);
  if (!event) throw new ApiError('not_found', `No analytics event named ${name} is defined in this workspace.`, [{ field: 'name', error: 'not_found', received: name }]);
  const listed = JSON.parse(event.properties) as string[];
  const rules = new Map<string, PropertyRule>((await repo.findProperties(deps.db, scope, listed)).map((p) => [p.key, { type: p.type as PropertyType, required: p.required === 1 }]));
  const errors = checkPayload(listed, rules, payload);
  return { valid: errors.length === 0, errors, request_id: requestId };
}
