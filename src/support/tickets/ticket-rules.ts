import { requireExists } from '../../crm/related.js';
import type { Executor } from '../../db/database.js';
import type { SupportQueuesTable, TicketsTable } from '../../db/schema-crm.js';
import { ApiError } from '../../errors.js';
import type { Scope } from '../../scope.js';
import { findQueue } from '../queues/queue-repository.js';

// The rules a ticket follows whoever changes it (API, telephony, messages): its links must
// exist, status changes stamp resolved_at / closed_at, and its queue sets the first-response due.

const MINUTE_MS = 60_000;

export interface TicketLinks {
  queue_id?: string | null;
  contact_id?: string | null;
  company_id?: string | null;
  deal_id?: string | null;
  lead_id?: string | null;
  invoice_id?: string | null;
  call_id?: string | null;
}

const LINK_TYPES = [
  ['contact_id', 'contact'],
  ['company_id', 'company'],
  ['deal_id', 'deal'],
  ['lead_id', 'lead'],
  ['invoice_id', 'invoice'],
  ['call_id', 'call'],
] as const;

/** A queue a ticket can be put in: it exists here (404 naming queue_id) and is not archived (422). */
export async function requireQueue(db: Executor, scope: Scope, id: string): Promise<SupportQueuesTable> {
  const queue = await findQueue(db, scope, id);
  if (!queue) throw new ApiError('not_found', 'No such support queue.', [{ field: 'queue_id', error: 'not_found', received: id }]);
  if (queue.status === 'archived') {
    throw new ApiError('validation_error', 'This support queue is archived and takes no new tickets.', [{ field: 'queue_id', error: 'queue_archived', received: id }]);
  }
  return queue;
}

/**
 * Checks the links being set (skipping those that stay as they are in `current`). Returns the
 * queue when queue_id is set to a queue, null when it is cleared, undefined when untouched.
 */
export async function checkLinks(
  db: Executor,
  scope: Scope,
  links: TicketLinks,
  current?: TicketLinks,
): Promise<SupportQueuesTable | null | undefined> {
  for (const [field, type] of LINK_TYPES) {
    const value = links[field];
    if (value && value !== current?.[field]) await requireExists(db, scope, type, value, field);
  }
  if (links.queue_id === undefined || (current && links.queue_id === current.queue_id)) return undefined;
  return links.queue_id === null ? null : requireQueue(db, scope, links.queue_id);
}

export function firstResponseDueAt(createdAt: string, queue: Pick<SupportQueuesTable, 'first_response_target_minutes'> | null | undefined): string | null {
  const minutes = queue?.first_response_target_minutes;
  if (!minutes) return null;
  return new Date(Date.parse(createdAt) + minutes * MINUTE_MS).toISOString();
}

/** Entering resolved stamps resolved_at; entering closed stamps closed_at; other statuses reopen. */
export function statusStamps(
  status: TicketsTable['status'],
  previous: Pick<TicketsTable, 'status' | 'resolved_at' | 'closed_at'> | null,
  atIso: string,
): Pick<TicketsTable, 'resolved_at' | 'closed_at'> {
  if (previous && previous.status === status) return { resolved_at: previous.resolved_at, closed_at: previous.closed_at };
  switch (status) {
    case 'resolved':
      return { resolved_at: atIso, closed_at: null };
    case 'closed':
      return { resolved_at: previous?.resolved_at ?? null, closed_at: atIso };
    default:
      return { resolved_at: null, closed_at: null };
  }
}
