import type { CustomersTable } from '../../db/schema-identity.js';
import type { CustomerDto } from './customer-schemas.js';
import type { LinkedContact } from './customer-repository.js';

export type CustomerRecord = Omit<CustomerDto, 'recent_calls' | 'recent_sms'>;

export function customerDto(row: CustomersTable, contacts: LinkedContact[]): CustomerRecord {
  return {
    id: row.id,
    identity_id: row.workspace_id,
    company: row.company,
    phone: row.phone,
    phone_e164: row.phone_e164,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    contacts: contacts
      .filter((c) => c.customer_id === row.id)
      .map((c) => ({
        guid: c.id,
        email: c.email,
        display_name: c.name,
        is_primary: c.is_primary === 1,
        phones: JSON.parse(c.phones) as string[],
        timeline_url: `/v1/contacts/${c.id}/timeline`,
      })),
    timeline_url: `/v1/identity/customers/${row.id}/timeline`,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
