import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../../http/envelope.js';
import { Cents, Currency, DateOnly } from '../sales-shared.js';

export const INVOICE_STATUSES = ['draft', 'sent', 'partially_paid', 'paid', 'void'] as const;
export const InvoiceStatus = Type.Union(INVOICE_STATUSES.map((s) => Type.Literal(s)));

const InvoiceNumber = Type.String({ pattern: '^[\\x21-\\x7e]([\\x20-\\x7e]{0,48}[\\x21-\\x7e])?$', description: 'Unique in the workspace (409 `conflict` otherwise); printable ASCII, up to 50. Omit it for the next `INV-0001`-style number.', 'x-example': 'INV-1001' });
const Ref = (prefix: string, what: string) => Type.String({ minLength: 1, maxLength: 100, description: `A \`${prefix}_\` id; 404 if there is no such ${what}.` });

export const LineItemInput = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 40, description: 'Your category, e.g. `service`, `product`, `fee`.' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    unit_amount_cents: Cents(),
  },
  { additionalProperties: false },
);
const LineItems = Type.Array(LineItemInput, { maxItems: 100, description: 'Up to 100. amount = quantity × unit_amount; subtotal = the sum; total = subtotal (no tax).' });

export const CreateInvoiceBody = Type.Object(
  {
    invoice_number: Type.Optional(InvoiceNumber),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('sent')], { description: 'Default `draft`; `sent` issues it at once.' })),
    company_id: Type.Optional(Nullable(Ref('com', 'company'))),
    contact_id: Type.Optional(Nullable(Ref('con', 'contact'))),
    deal_id: Type.Optional(Nullable(Ref('deal', 'deal'))),
    currency: Type.Optional(Currency),
    due_date: Type.Optional(Nullable(DateOnly('YYYY-MM-DD.'))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    line_items: Type.Optional(LineItems),
  },
  { additionalProperties: false },
);

export const UpdateInvoiceBody = Type.Object(
  {
    invoice_number: Type.Optional(InvoiceNumber),
    status: Type.Optional(Type.Union([Type.Literal('sent'), Type.Literal('void')], { description: '`sent` issues a draft; `void` cancels an invoice that has no payments.' })),
    company_id: Type.Optional(Nullable(Ref('com', 'company'))),
    contact_id: Type.Optional(Nullable(Ref('con', 'contact'))),
    deal_id: Type.Optional(Nullable(Ref('deal', 'deal'))),
    currency: Type.Optional(Currency),
    due_date: Type.Optional(Nullable(DateOnly('YYYY-MM-DD.'))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    line_items: Type.Optional(LineItems),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const LineItemSchema = Type.Object({
  id: Type.String({ description: '`li_` id.' }),
  kind: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  unit_amount_cents: Type.Integer(),
  amount_cents: Type.Integer(),
});

export const InvoiceSchema = Type.Object(
  {
    id: Type.String({ description: '`inv_` id.' }),
    invoice_number: Type.String(),
    status: InvoiceStatus,
    company_id: Nullable(Type.String()),
    contact_id: Nullable(Type.String()),
    deal_id: Nullable(Type.String()),
    currency: Type.String(),
    line_items: Type.Array(LineItemSchema),
    subtotal_cents: Type.Integer(),
    total_cents: Type.Integer(),
    amount_paid_cents: Type.Integer(),
    amount_due_cents: Type.Integer({ description: 'total_cents - amount_paid_cents (0 once void).' }),
    due_date: Nullable(Type.String({ format: 'date' })),
    notes: Nullable(Type.String()),
    sent_at: Nullable(Timestamp()),
    paid_at: Nullable(Timestamp()),
    voided_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Invoice', title: 'Invoice' },
);

export const ListInvoicesQuery = {
  status: Type.Optional(InvoiceStatus),
  company_id: Type.Optional(Type.String({ maxLength: 100 })),
  contact_id: Type.Optional(Type.String({ maxLength: 100 })),
  deal_id: Type.Optional(Type.String({ maxLength: 100 })),
};
