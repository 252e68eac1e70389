import type { CompaniesTable } from '../../../db/schema-crm.js';

export interface CompanyDto {
  id: string;
  name: string;
  domain: string | null;
  website: string | null;
  notes: string | null;
  custom_fields: Record<string, string>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function companyDto(row: CompaniesTable): CompanyDto {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    website: row.website,
    notes: row.notes,
    custom_fields: JSON.parse(row.custom_fields) as Record<string, string>,
    archived_at: row.archived_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
