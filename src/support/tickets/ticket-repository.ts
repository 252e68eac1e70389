import { sql } from 'kysely';
import { customFieldFilter } from '../../crm/custom-fields.js';
import { indexDocument, matchesSearch } from '../../crm/search-index.js';
import type { Executor } from '../../db/database.js';
import type { TicketsTable } from '../../db/schema-crm.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';
import { leastOf } from '../../db/dialect.js';

export interface TicketFilter {
  query?: string;
  status?: TicketsTable['status'];
  priority?: TicketsTable['priority'];
  source?: TicketsTable['source'];
  category?: string;
  queue_id?: string;
  assignee_id?: string;
  contact_id?: string;
  company_id?: string;
  deal_id?: string;
  lead_id?: string;
  invoice_id?: string;
  call_id?: string;
  breached?: boolean;
  custom_field_key?: string;
  custom_field_value?: string;
}

const EQUALITY_FILTERS = [
  'status', 'priority', 'source', 'category', 'queue_id', 'assignee_id', 'contact_id', 'company_id', 'deal_id', 'lead_id', 'invoice_id', 'call_id',
] as const;

/** How many of a ticket's newest messages go into its search document. */
const INDEXED_MESSAGES = 200;
const INDEXED_CHARS = 100_000;

export async function insertTicket(db: Executor, row: TicketsTable): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function findTicket(db: Executor, scope: Scope, id: string): Promise<TicketsTable | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateTicket(db: Executor, scope: Scope, id: string, changes: Partial<Omit<TicketsTable, 'id' | 'workspace_id' | 'mode'>>): Promise<void> {
  await db
    .updateTable('tickets')
    .set(changes)
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('id', '=', id)
    .execute();
}

/** Same rule as firstResponseBreached (ticket-dto.ts): ISO timestamps compare as strings. */
function breachedCondition(db: Executor, breached: boolean, nowIso: string) {
  const stop = leastOf(db, [sql`coalesce(first_responded_at, ${nowIso})`, sql`coalesce(resolved_at, ${nowIso})`, sql`coalesce(closed_at, ${nowIso})`]);
  return breached
    ? sql<boolean>`(first_response_due_at IS NOT NULL AND ${stop} > first_response_due_at)`
    : sql<boolean>`(first_response_due_at IS NULL OR ${stop} <= first_response_due_at)`;
}

export async function listTickets(db: Executor, scope: Scope, page: PageRequest, filter: TicketFilter, nowIso: string): Promise<TicketsTable[]> {
  let q = db
    .selectFrom('tickets')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode);
  for (const field of EQUALITY_FILTERS) {
    const value = filter[field];
    if (value !== undefined) q = q.where(field, '=', value);
  }
  if (filter.query !== undefined) q = q.where(matchesSearch(db, scope, 'ticket', filter.query));
  if (filter.breached !== undefined) q = q.where(breachedCondition(db, filter.breached, nowIso));
  const custom = customFieldFilter(db, filter);
  if (custom) q = q.where(custom);
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Rewrites the ticket's search document: subject, description, category and its newest messages. */
export async function reindexTicket(db: Executor, scope: Scope, row: Pick<TicketsTable, 'id' | 'subject' | 'description' | 'category'>): Promise<void> {
  const messages = await db
    .selectFrom('ticket_messages')
    .select('body')
    .where('ticket_id', '=', row.id)
    .orderBy('id', 'desc')
    .limit(INDEXED_MESSAGES)
    .execute();
  let budget = INDEXED_CHARS;
  const bodies: string[] = [];
  for (const m of messages) {
    if (budget <= 0) break;
    bodies.push(m.body.slice(0, budget));
    budget -= m.body.length;
  }
  await indexDocument(db, scope, 'ticket', row.id, [row.subject, row.description, row.category, ...bodies]);
}

/** A contact's tickets, newest first; `openOnly` leaves out resolved and closed ones. */
export async function listContactTickets(db: Executor, scope: Scope, contactId: string, opts: { openOnly?: boolean; limit?: number } = {}): Promise<TicketsTable[]> {
  let q = db
    .selectFrom('tickets')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('contact_id', '=', contactId);
  if (opts.openOnly) q = q.where('status', 'not in', ['resolved', 'closed']);
  return q.orderBy('id', 'desc').limit(opts.limit ?? 50).execute();
}
