import type { TicketsTable } from '../../db/schema-crm.js';
import { parseFields } from '../support-schemas.js';

export interface TicketDto {
  id: string;
  livemode: boolean;
  subject: string;
  description: string | null;
  status: TicketsTable['status'];
  priority: TicketsTable['priority'];
  source: TicketsTable['source'];
  category: string | null;
  queue_id: string | null;
  assignee_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  deal_id: string | null;
  lead_id: string | null;
  invoice_id: string | null;
  call_id: string | null;
  custom_fields: Record<string, string>;
  first_response_due_at: string | null;
  first_responded_at: string | null;
  first_response_breached: boolean;
  resolved_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

type Sla = Pick<TicketsTable, 'first_response_due_at' | 'first_responded_at' | 'resolved_at' | 'closed_at'>;

/**
 * The first-response clock stops at the first outbound message, or when the ticket is resolved
 * or closed without one; until then it runs with `now`. Breached: it stopped (or is) past due.
 * The `breached` list filter (ticket-repository.ts) is the same rule in SQL.
 */
export function firstResponseBreached(row: Sla, nowIso: string): boolean {
  if (row.first_response_due_at === null) return false;
  const stop = [row.first_responded_at, row.resolved_at, row.closed_at, nowIso]
    .filter((t): t is string => t !== null)
    .reduce((a, b) => (a < b ? a : b));
  return stop > row.first_response_due_at;
}

export function ticketDto(row: TicketsTable, now: Date): TicketDto {
  return {
    id: row.id,
    livemode: row.mode === 'live',
    subject: row.subject,
    description: row.description,
    status: row.status,
    priority: row.priority,
    source: row.source,
    category: row.category,
    queue_id: row.queue_id,
    assignee_id: row.assignee_id,
    contact_id: row.contact_id,
    company_id: row.company_id,
    deal_id: row.deal_id,
    lead_id: row.lead_id,
    invoice_id: row.invoice_id,
    call_id: row.call_id,
    custom_fields: parseFields(row.custom_fields),
    first_response_due_at: row.first_response_due_at,
    first_responded_at: row.first_responded_at,
    first_response_breached: firstResponseBreached(row, now.toISOString()),
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
