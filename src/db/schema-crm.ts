import type { Mode } from './schema.js';

// Table shapes of the CRM and support resources (migration 006-crm). JSON columns hold text.

interface Owned {
  id: string;
  workspace_id: string;
  mode: Mode;
}
interface Stamped {
  created_at: string;
  updated_at: string;
}

export interface CompaniesTable extends Owned, Stamped {
  name: string;
  domain: string | null;
  website: string | null;
  notes: string | null;
  custom_fields: string;
  archived_at: string | null;
}

export interface ContactsTable extends Owned, Stamped {
  name: string;
  email: string | null;
  emails: string; // JSON string[]
  phones: string; // JSON string[] of E.164 numbers
  phone_extensions?: string; // JSON { [E.164]: extension } for the numbers given with one (column default {})
  company_id: string | null;
  company_name: string | null;
  title: string | null;
  notes: string | null;
  custom_fields: string;
  archived_at: string | null;
}

export interface ContactPhonesTable {
  contact_id: string;
  workspace_id: string;
  mode: Mode;
  phone: string;
}

export type LeadStatus = 'new' | 'working' | 'qualified' | 'disqualified' | 'converted';
export type LeadSource = 'manual' | 'website' | 'referral' | 'campaign' | 'import' | 'api' | 'mcp' | 'phone' | 'sms' | 'other';

export interface LeadsTable extends Owned, Stamped {
  name: string;
  email: string | null;
  phone: string | null;
  phone_extension: string | null;
  company_name: string | null;
  status: LeadStatus;
  source: LeadSource;
  notes: string | null;
  custom_fields: string;
  converted_at: string | null;
  converted_contact_id: string | null;
  converted_company_id: string | null;
  converted_deal_id: string | null;
}

export interface DealStagesTable extends Owned, Stamped {
  key: string;
  name: string;
  position: number;
  probability: number | null;
  archived_at: string | null;
}

export interface DealsTable extends Owned, Stamped {
  name: string;
  stage: string;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  amount_cents: number | null;
  currency: string;
  expected_close_date: string | null;
  custom_fields: string;
  archived_at: string | null;
}

export type InvoiceStatus = 'draft' | 'sent' | 'partially_paid' | 'paid' | 'void';

export interface InvoicesTable extends Owned, Stamped {
  invoice_number: string;
  status: InvoiceStatus;
  company_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  currency: string;
  subtotal_cents: number;
  total_cents: number;
  amount_paid_cents: number;
  due_date: string | null;
  notes: string | null;
  sent_at: string | null;
  paid_at: string | null;
  voided_at: string | null;
}

export interface InvoiceLineItemsTable {
  id: string;
  invoice_id: string;
  position: number;
  kind: string;
  name: string;
  quantity: number;
  unit_amount_cents: number;
  amount_cents: number;
}

export interface PaymentsTable extends Owned {
  invoice_id: string;
  amount_cents: number;
  currency: string;
  method: string | null;
  reference: string | null;
  paid_at: string;
  created_at: string;
}

export interface SupportQueuesTable extends Owned, Stamped {
  key: string;
  name: string;
  status: 'active' | 'paused' | 'archived';
  first_response_target_minutes: number | null;
  custom_fields: string;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'waiting_on_customer' | 'resolved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketSource = 'manual' | 'email' | 'chat' | 'phone' | 'sms' | 'web' | 'api' | 'mcp' | 'slack' | 'other';

export interface TicketsTable extends Owned, Stamped {
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  source: TicketSource;
  category: string | null;
  queue_id: string | null;
  assignee_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  deal_id: string | null;
  lead_id: string | null;
  invoice_id: string | null;
  call_id: string | null;
  custom_fields: string;
  first_response_due_at: string | null;
  first_responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
}

export interface TicketMessagesTable extends Owned {
  ticket_id: string;
  direction: 'inbound' | 'outbound';
  channel: string;
  body: string;
  author_id: string | null;
  created_at: string;
}

export interface TicketCommentsTable extends Owned, Stamped {
  ticket_id: string;
  body: string;
  pinned: number;
  author_id: string | null;
}

export interface TasksTable extends Owned, Stamped {
  title: string;
  description: string | null;
  status: 'open' | 'completed' | 'canceled';
  assignee_id: string | null;
  due_at: string | null;
  related_resource_type: string | null;
  related_resource_id: string | null;
  completed_note: string | null;
  completed_at: string | null;
  canceled_at: string | null;
}

export type ActivityType = 'note' | 'call' | 'sms' | 'email' | 'meeting' | 'agent_action';

export interface ActivitiesTable extends Owned {
  type: ActivityType;
  summary: string;
  body: string | null;
  related_resource_type: string | null;
  related_resource_id: string | null;
  occurred_at: string;
  metadata: string;
  created_at: string;
}

export interface CrmSearchTable {
  resource_id: string;
  resource_type: string;
  workspace_id: string;
  mode: Mode;
  body: string;
}

export interface CrmTables {
  companies: CompaniesTable;
  contacts: ContactsTable;
  contact_phones: ContactPhonesTable;
  leads: LeadsTable;
  deal_stages: DealStagesTable;
  deals: DealsTable;
  invoices: InvoicesTable;
  invoice_line_items: InvoiceLineItemsTable;
  payments: PaymentsTable;
  support_queues: SupportQueuesTable;
  tickets: TicketsTable;
  ticket_messages: TicketMessagesTable;
  ticket_comments: TicketCommentsTable;
  tasks: TasksTable;
  activities: ActivitiesTable;
  crm_search: CrmSearchTable;
}
