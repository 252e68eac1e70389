import type { DealsTable } from '../../../db/schema-crm.js';
import { parseFields } from '../sales-shared.js';

export interface DealDto {
  id: string;
  name: string;
  stage: string;
  company_id: string | null;
  contact_id: string | null;
  lead_id: string | null;
  amount_cents: number | null;
  currency: string;
  expected_close_date: string | null;
  custom_fields: Record<string, string>;
  archived_at: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

export function dealDto(row: DealsTable): DealDto {
  return {
    id: row.id,
    name: row.name,
    stage: row.stage,
    company_id: row.company_id,
    contact_id: row.contact_id,
    lead_id: row.lead_id,
    amount_cents: row.amount_cents,
    currency: row.currency,
    expected_close_date: row.expected_close_date,
    custom_fields: parseFields(row.custom_fields),
    archived_at: row.archived_at,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
