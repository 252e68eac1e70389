import { Type } from '@sinclair/typebox';
import { CustomFieldQuery, CustomFields } from '../../crm/custom-fields.js';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFieldsPatch, IdRef, StringEnum } from '../support-schemas.js';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_SOURCES = ['manual', 'email', 'chat', 'phone', 'sms', 'web', 'api', 'mcp', 'slack', 'other'] as const;

const Status = StringEnum(TICKET_STATUSES, { description: '`resolved` sets `resolved_at`, `closed` sets `closed_at`; any other status reopens the ticket and clears both.' });
const Priority = StringEnum(TICKET_PRIORITIES);
const Source = StringEnum(TICKET_SOURCES, { description: 'Where the ticket came from. Tickets opened from a call or SMS are `phone` / `sms`.' });
const Subject = Type.String({ minLength: 1, maxLength: 500 });
const Description = Type.String({ maxLength: 20_000 });
const Category = Type.String({ minLength: 1, maxLength: 100 });
const Assignee = IdRef('Who works on the ticket: your own user or agent id.');

/** The links a ticket can carry; each must exist in the workspace (404 naming the field). */
const links = {
  queue_id: IdRef('A `queue_` id. Its `first_response_target_minutes` sets `first_response_due_at`.'),
  contact_id: IdRef('A `con_` id.'),
  company_id: IdRef('A `com_` id.'),
  deal_id: IdRef('A `deal_` id.'),
  lead_id: IdRef('A `lead_` id.'),
  invoice_id: IdRef('An `inv_` id.'),
};

export const CreateTicketBody = Type.Object(
  {
    subject: Subject,
    description: Type.Optional(Description),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    source: Type.Optional(Source),
    category: Type.Optional(Category),
    assignee_id: Type.Optional(Assignee),
    queue_id: Type.Optional(links.queue_id),
    contact_id: Type.Optional(links.contact_id),
    company_id: Type.Optional(links.company_id),
    deal_id: Type.Optional(links.deal_id),
    lead_id: Type.Optional(links.lead_id),
    invoice_id: Type.Optional(links.invoice_id),
    call_id: Type.Optional(IdRef('The `call_` the ticket came from.')),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateTicketBody = Type.Object(
  {
    subject: Type.Optional(Subject),
    description: Type.Optional(Nullable(Description)),
    status: Type.Optional(Status),
    priority: Type.Optional(Priority),
    category: Type.Optional(Nullable(Category)),
    assignee_id: Type.Optional(Nullable(Assignee)),
    queue_id: Type.Optional(Nullable(links.queue_id)),
    contact_id: Type.Optional(Nullable(links.contact_id)),
    company_id: Type.Optional(Nullable(links.company_id)),
    deal_id: Type.Optional(Nullable(links.deal_id)),
    lead_id: Type.Optional(Nullable(links.lead_id)),
    invoice_id: Type.Optional(Nullable(links.invoice_id)),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TicketSchema = Type.Object(
  {
    id: Type.String({ description: '`ticket_` id.' }),
    livemode: Type.Boolean(),
    subject: Type.String(),
    description: Nullable(Type.String()),
    status: Status,
    priority: Priority,
    source: Source,
    category: Nullable(Type.String()),
    queue_id: Nullable(Type.String()),
    assignee_id: Nullable(Type.String()),
    contact_id: Nullable(Type.String()),
    company_id: Nullable(Type.String()),
    deal_id: Nullable(Type.String()),
    lead_id: Nullable(Type.String()),
    invoice_id: Nullable(Type.String()),
    call_id: Nullable(Type.String()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    first_response_due_at: Nullable(Timestamp('created_at + the queue\'s first_response_target_minutes; null without a target.')),
    first_responded_at: Nullable(Timestamp('When the first outbound message was added.')),
    first_response_breached: Type.Boolean({ description: 'True when the first response came after it was due, or has not come (and the ticket is not resolved or closed) and is overdue now.' }),
    resolved_at: Nullable(Timestamp()),
    closed_at: Nullable(Timestamp()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'SupportTicket', title: 'SupportTicket' },
);

export const ListTicketsQuery = {
  query: Type.Optional(Type.String({ maxLength: 500, description: 'Full-text search over subject, description, category and messages; every word must match (as a prefix).' })),
  status: Type.Optional(Status),
  priority: Type.Optional(Priority),
  source: Type.Optional(Source),
  category: Type.Optional(Category),
  queue_id: Type.Optional(IdRef('Tickets in this queue.')),
  assignee_id: Type.Optional(IdRef('Tickets assigned to this id.')),
  contact_id: Type.Optional(IdRef('Tickets of this contact.')),
  company_id: Type.Optional(IdRef('Tickets of this company.')),
  deal_id: Type.Optional(IdRef('Tickets about this deal.')),
  lead_id: Type.Optional(IdRef('Tickets about this lead.')),
  invoice_id: Type.Optional(IdRef('Tickets about this invoice.')),
  call_id: Type.Optional(IdRef('Tickets opened from this call.')),
  breached: Type.Optional(Type.Boolean({ description: '`true`: the first response is (or was) late; `false`: on time or no target.' })),
  ...CustomFieldQuery,
};

export const TicketParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A `ticket_` id.' }) });
