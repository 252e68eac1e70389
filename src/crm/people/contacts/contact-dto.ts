import type { ContactsTable } from '../../../db/schema-crm.js';

export interface ContactDto {
  id: string;
  name: string;
  email: string | null;
  emails: string[];
  phones: string[];
  phone_details: { number: string; extension: string | null }[];
  company_id: string | null;
  company_name: string | null;
  title: string | null;
  notes: string | null;
  custom_fields: Record<string, string>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export function contactDto(row: ContactsTable): ContactDto {
  const phones = JSON.parse(row.phones) as string[];
  const extensions = JSON.parse(row.phone_extensions || '{}') as Record<string, string>;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    emails: JSON.parse(row.emails) as string[],
    phones,
    phone_details: phones.map((number) => ({ number, extension: extensions[number] ?? null })),
    company_id: row.company_id,
    company_name: row.company_name,
    title: row.title,
    notes: row.notes,
    custom_fields: JSON.parse(row.custom_fields) as Record<string, string>,
    archived_at: row.archived_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
