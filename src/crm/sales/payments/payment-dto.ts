import type { PaymentsTable } from '../../../db/schema-crm.js';

export interface PaymentDto {
  id: string;
  invoice_id: string;
  amount_cents: number;
  currency: string;
  method: string | null;
  reference: string | null;
  paid_at: string;
  livemode: boolean;
  created_at: string;
}

export const paymentDto = (row: PaymentsTable): PaymentDto => ({
  id: row.id,
  invoice_id: row.invoice_id,
  amount_cents: row.amount_cents,
  currency: row.currency,
  method: row.method,
  reference: row.reference,
  paid_at: row.paid_at,
  livemode: row.mode === 'live',
  created_at: row.created_at,
});
