import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../../crm/crm-deps.js';
import type { Trx } from '../../db/database.js';
import type { TicketMessagesTable } from '../../db/schema-crm.js';
import { notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { findTicket, reindexTicket } from '../tickets/ticket-repository.js';
import { saveTicketChanges } from '../tickets/ticket-service.js';
import { type MessageDto, messageDto } from './message-dto.js';
import * as repo from './message-repository.js';
import type { CreateMessageBody } from './message-schemas.js';

export type AddMessageInput = Static<typeof CreateMessageBody>;

/**
 * Adds a message to a ticket inside the caller's transaction (404 when the ticket is not in this
 * workspace). The first outbound message sets the ticket's `first_responded_at` (and writes
 * `ticket.updated`); every message joins the ticket's search document. For the telephony side:
 * a call transcript is `{ direction: 'inbound', channel: 'phone', body: transcript }`.
 */
export async function addTicketMessageInternal(trx: Trx, scope: Scope, ticketId: string, input: AddMessageInput, at: Date): Promise<MessageDto> {
  const ticket = await findTicket(trx, scope, ticketId);
  if (!ticket) throw notFound('ticket');
  const row: TicketMessagesTable = {
    id: newId('msg'),
    workspace_id: scope.workspaceId,
    mode: scope.mode,
    ticket_id: ticket.id,
    direction: input.direction,
    channel: input.channel ?? 'api',
    body: input.body,
    author_id: input.author_id ?? null,
    created_at: at.toISOString(),
  };
  await repo.insertMessage(trx, row);
  await reindexTicket(trx, scope, ticket);
  if (row.direction === 'outbound' && ticket.first_responded_at === null) {
    await saveTicketChanges(trx, scope, ticket, { ...ticket, first_responded_at: row.created_at }, at);
  }
  return messageDto(row);
}

export async function addTicketMessage(deps: CrmDeps, scope: Scope, ticketId: string, input: AddMessageInput, idempotency: IdempotencyHandle | null): Promise<MessageDto> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const dto = await addTicketMessageInternal(trx, scope, ticketId, input, at);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function listTicketMessages(deps: Pick<CrmDeps, 'db'>, scope: Scope, ticketId: string, page: PageRequest, filter: repo.MessageFilter): Promise<MessageDto[]> {
  if (!(await findTicket(deps.db, scope, ticketId))) throw notFound('ticket');
  return (await repo.listMessages(deps.db, scope, ticketId, page, filter)).map(messageDto);
}
