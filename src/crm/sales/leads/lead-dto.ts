import type { LeadSource, LeadStatus, LeadsTable } from '../../../db/schema-crm.js';
import { parseFields } from '../sales-shared.js';

export interface LeadDto {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  phone_extension: string | null;
  company_name: string | null;
  status: LeadStatus;
  source: LeadSource;
  notes: string | null;
  custom_fields: Record<string, string>;
  contact_id: string | null;
  company_id: string | null;
  deal_id: string | null;
  converted_at: string | null;
  livemode: boolean;
  created_at: string;
  updated_at: string;
}

export function leadDto(row: LeadsTable): LeadDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    phone_extension: row.phone_extension,
    company_name: row.company_name,
    status: row.status,
    source: row.source,
    notes: row.notes,
    custom_fields: parseFields(row.custom_fields),
    contact_id: row.converted_contact_id,
    company_id: row.converted_company_id,
    deal_id: row.converted_deal_id,
    converted_at: row.converted_at,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The text `query` searches for a lead. */
export const leadSearchText = (row: Pick<LeadsTable, 'name' | 'email' | 'phone' | 'company_name' | 'notes'>) => [
  row.name,
  row.email,
  row.phone,
  row.company_name,
  row.notes,
];
