import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import type { Executor, Trx } from '../../db/database.js';
import type { TicketsTable } from '../../db/schema-crm.js';
import { notFound } from '../../errors.js';
import { emitEvent } from '../../events/event-writer.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { type TicketDto, ticketDto } from './ticket-dto.js';
import * as repo from './ticket-repository.js';
import { checkLinks, firstResponseDueAt, statusStamps } from './ticket-rules.js';
import type { CreateTicketBody, UpdateTicketBody } from './ticket-schemas.js';

export type CreateTicketInput = Static<typeof CreateTicketBody>;
export type UpdateTicketInput = Static<typeof UpdateTicketBody>;

type Mutable = Omit<TicketsTable, 'id' | 'workspace_id' | 'mode' | 'created_at'>;

/** Fields whose change rewrites the ticket's search document. */
const SEARCHED: (keyof Mutable)[] = ['subject', 'description', 'category'];

/**
 * Opens a ticket inside the caller's transaction: checks its links (404 naming the field),
 * computes the first-response due time from its queue, indexes it for `query` and writes
 * `ticket.created`. For the telephony side: a ticket from a call is
 * `{ subject, source: 'phone', contact_id, call_id }`.
 */
export async function createTicketInternal(trx: Trx, scope: Scope, input: CreateTicketInput, at: Date): Promise<TicketDto> {
  const queue = await checkLinks(trx, scope, input);
  const atIso = at.toISOString();
  const status = input.status ?? 'new';
  const row: TicketsTable = {
    id: newId('ticket'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    subject: input.subject,
    description: input.description ?? null,
    status,
    priority: input.priority ?? 'normal',
    source: input.source ?? 'api',
    category: input.category ?? null,
    queue_id: input.queue_id ?? null,
    assignee_id: input.assignee_id ?? null,
    contact_id: input.contact_id ?? null,
    company_id: input.company_id ?? null,
    deal_id: input.deal_id ?? null,
    lead_id: input.lead_id ?? null,
    invoice_id: input.invoice_id ?? null,
    call_id: input.call_id ?? null,
    custom_fields: JSON.stringify(input.custom_fields ?? {}),
    first_response_due_at: firstResponseDueAt(atIso, queue),
    first_responded_at: null,
    ...statusStamps(status, null, atIso),
    created_at: atIso,
    updated_at: atIso,
  };
  await repo.insertTicket(trx, row);
  await repo.reindexTicket(trx, scope, row);
  const dto = ticketDto(row, at);
  await emitEvent(trx, scope, 'ticket.created', { ...dto }, at);
  return dto;
}

export async function createTicket(deps: CrmDeps, scope: Scope, input: CreateTicketInput, idempotency: IdempotencyHandle | null): Promise<TicketDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await createTicketInternal(trx, scope, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function getTicket(deps: Pick<CrmDeps, 'db' | 'clock'>, scope: Scope, id: string): Promise<TicketDto> {
  const row = await repo.findTicket(deps.db, scope, id);
  if (!row) throw notFound('ticket');
  return ticketDto(row, deps.clock.now());
}

export async function listTickets(deps: Pick<CrmDeps, 'db' | 'clock'>, scope: Scope, page: PageRequest, filter: repo.TicketFilter): Promise<TicketDto[]> {
  const now = deps.clock.now();
  return (await repo.listTickets(deps.db, scope, page, filter, now.toISOString())).map((row) => ticketDto(row, now));
}

/** A contact's tickets that are not resolved or closed, newest first (the agent's caller context, timelines). */
export async function listOpenTicketsForContact(db: Executor, scope: Scope, contactId: string, limit: number, now: Date): Promise<TicketDto[]> {
  return (await repo.listContactTickets(db, scope, contactId, { openOnly: true, limit })).map((row) => ticketDto(row, now));
}

/**
 * Writes the difference between `existing` and `next` (nothing when they are equal), reindexes
 * when searched text changed, and writes `ticket.updated` with `changed_fields` and
 * `previous_attributes`.
 */
export async function saveTicketChanges(trx: Trx, scope: Scope, existing: TicketsTable, next: TicketsTable, at: Date): Promise<TicketDto> {
  const changed = (Object.keys(next) as (keyof TicketsTable)[]).filter((k) => k !== 'updated_at' && next[k] !== existing[k]) as (keyof Mutable)[];
  if (changed.length === 0) return ticketDto(existing, at);
  const changes: Partial<Mutable> = { updated_at: at.toISOString() };
  const previous: Record<string, unknown> = {};
  for (const k of changed) {
    (changes as Record<string, unknown>)[k] = next[k];
    previous[k] = k === 'custom_fields' ? JSON.parse(existing[k]) : existing[k];
  }
  const saved: TicketsTable = { ...next, updated_at: at.toISOString() };
  await repo.updateTicket(trx, scope, existing.id, changes);
  if (changed.some((k) => SEARCHED.includes(k))) await repo.reindexTicket(trx, scope, saved);
  const dto = ticketDto(saved, at);
  await emitEvent(trx, scope, 'ticket.updated', { ...dto, changed_fields: changed, previous_attributes: previous }, at);
  return dto;
}

/** Applies a PATCH inside the caller's transaction (404 when the ticket is not in this workspace). */
export async function updateTicketInternal(trx: Trx, scope: Scope, id: string, input: UpdateTicketInput, at: Date): Promise<TicketDto> {
  const existing = await repo.findTicket(trx, scope, id);
  if (!existing) throw notFound('ticket');
  const queue = await checkLinks(trx, scope, input, existing);
  const atIso = at.toISOString();
  const next: TicketsTable = { ...existing };
  if (input.subject !== undefined) next.subject = input.subject;
  if (input.priority !== undefined) next.priority = input.priority;
  for (const field of ['description', 'category', 'assignee_id', 'queue_id', 'contact_id', 'company_id', 'deal_id', 'lead_id', 'invoice_id'] as const) {
    if (input[field] !== undefined) next[field] = input[field] === '' ? null : input[field];
  }
  if (input.status !== undefined) Object.assign(next, { status: input.status, ...statusStamps(input.status, existing, atIso) });
  // A new queue brings its own target, until the first response has been given.
  if (queue !== undefined && existing.first_responded_at === null) next.first_response_due_at = firstResponseDueAt(existing.created_at, queue);
  if (input.custom_fields !== undefined) next.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
  return saveTicketChanges(trx, scope, existing, next, at);
}

export async function updateTicket(deps: CrmDeps, scope: Scope, id: string, input: UpdateTicketInput, idempotency: IdempotencyHandle | null): Promise<TicketDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await updateTicketInternal(trx, scope, id, input, at);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

/** DELETE closes the ticket (idempotent): its messages, comments and history stay. */
export async function closeTicket(deps: CrmDeps, scope: Scope, id: string): Promise<TicketDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute((trx) => updateTicketInternal(trx, scope, id, { status: 'closed' }, at));
}
