import type { InvoiceLineItemsTable, InvoiceStatus, InvoicesTable } from '../../../db/schema-crm.js';

export interface LineItemDto {
  id: string;
  kind: string;
  name: string;
  quantity: number;
  unit_amount_cents: number;
  amount_cents: number;
}

export interface InvoiceDto {
  id: string;
  invoice_number: string;
  status: InvoiceStatus;
  company_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  currency: string;
  line_items: LineItemDto[];
  subtotal_cents: number;
  total_cents: number;
  amount_paid_cents: number;
  amount_due_cents: number;
  due_date: string | null;
  notes: string | null;
  sent_at: string | null;
  paid_at: string | null;
  voided_at: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

export const lineItemDto = (row: InvoiceLineItemsTable): LineItemDto => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  quantity: row.quantity,
  unit_amount_cents: row.unit_amount_cents,
  amount_cents: row.amount_cents,
});

export function invoiceDto(row: InvoicesTable, items: InvoiceLineItemsTable[]): InvoiceDto {
  return {
    id: row.id,
    invoice_number: row.invoice_number,
    status: row.status,
    company_id: row.company_id,
    contact_id: row.contact_id,
    deal_id: row.deal_id,
    currency: row.currency,
    line_items: [...items].sort((a, b) => a.position - b.position).map(lineItemDto),
    subtotal_cents: row.subtotal_cents,
    total_cents: row.total_cents,
    amount_paid_cents: row.amount_paid_cents,
    amount_due_cents: row.status === 'void' ? 0 : row.total_cents - row.amount_paid_cents,
    due_date: row.due_date,
    notes: row.notes,
    sent_at: row.sent_at,
    paid_at: row.paid_at,
    voided_at: row.voided_at,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
