import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../../crm/crm-deps.js';
import type { Executor } from '../../db/database.js';
import type { TicketCommentsTable } from '../../db/schema-crm.js';
import { notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import { findTicket } from '../tickets/ticket-repository.js';
import { type CommentDto, commentDto } from './comment-dto.js';
import * as repo from './comment-repository.js';
import type { CreateCommentBody, UpdateCommentBody } from './comment-schemas.js';

// Comments are internal notes on a ticket (the customer never sees them), unlike messages.

export type AddCommentInput = Static<typeof CreateCommentBody>;
export type UpdateCommentInput = Static<typeof UpdateCommentBody>;

async function requireTicket(db: Executor, scope: Scope, ticketId: string): Promise<void> {
  if (!(await findTicket(db, scope, ticketId))) throw notFound('ticket');
}

async function requireComment(db: Executor, scope: Scope, ticketId: string, id: string): Promise<TicketCommentsTable> {
  await requireTicket(db, scope, ticketId);
  const row = await repo.findComment(db, scope, ticketId, id);
  if (!row) throw notFound('comment');
  return row;
}

export async function addTicketComment(deps: CrmDeps, scope: Scope, ticketId: string, input: AddCommentInput, idempotency: IdempotencyHandle | null): Promise<CommentDto> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await requireTicket(trx, scope, ticketId);
    const row: TicketCommentsTable = {
      id: newId('cmt'),
      workspace_id: scope.workspaceId,
      mode: scope.mode,
      ticket_id: ticketId,
      body: input.body,
      pinned: input.pinned ? 1 : 0,
      author_id: input.author_id ?? null,
      created_at: at,
      updated_at: at,
    };
    await repo.insertComment(trx, row);
    const dto = commentDto(row);
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function listTicketComments(deps: Pick<CrmDeps, 'db'>, scope: Scope, ticketId: string, page: PageRequest, filter: repo.CommentFilter): Promise<CommentDto[]> {
  await requireTicket(deps.db, scope, ticketId);
  return (await repo.listComments(deps.db, scope, ticketId, page, filter)).map(commentDto);
}

export async function updateTicketComment(
  deps: CrmDeps,
  scope: Scope,
  ticketId: string,
  id: string,
  input: UpdateCommentInput,
  idempotency: IdempotencyHandle | null,
): Promise<CommentDto> {
  return deps.db.transaction().execute(async (trx) => {
    const existing = await requireComment(trx, scope, ticketId, id);
    const changes: Partial<TicketCommentsTable> = { updated_at: deps.clock.now().toISOString() };
    if (input.body !== undefined) changes.body = input.body;
    if (input.pinned !== undefined) changes.pinned = input.pinned ? 1 : 0;
    await repo.updateComment(trx, scope, id, changes);
    const dto = commentDto({ ...existing, ...changes });
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function deleteTicketComment(deps: CrmDeps, scope: Scope, ticketId: string, id: string): Promise<{ id: string; deleted: true }> {
  return deps.db.transaction().execute(async (trx) => {
    await requireComment(trx, scope, ticketId, id);
    await repo.deleteComment(trx, scope, id);
    return { id, deleted: true as const };
  });
}
