import type { Mode } from './schema.js';

// Tables of migration 018: customers (src/identity/customers/) and install tokens (src/auth/).

export interface CustomersTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  company: string | null;
  /** As the client gave it, or E.164 when it reads as a number. */
  phone: string | null;
  /** E.164, what calls and SMS are matched on; null when `phone` is unset or not a number. */
  phone_e164: string | null;
  tags: string; // JSON string[]
  notes: string | null;
  metadata: string; // JSON object
  created_at: string;
  updated_at: string;
}

export interface CustomerTagsTable {
  customer_id: string;
  workspace_id: string;
  mode: Mode;
  tag: string;
}

export interface CustomerContactsTable {
  customer_id: string;
  contact_id: string;
  workspace_id: string;
  mode: Mode;
  is_primary: number; // 0 | 1
  position: number;
  created_at: string;
}

export interface InstallTokensTable {
  /** SHA-256 of the `ist_…` token; the token itself is shown once, to the key that minted it. */
  token_hash: string;
  token_hint: string;
  /** The key that minted it: the new key gets its workspace, mode, scopes and read-only flag. */
  key_id: string;
  workspace_id: string;
  mode: Mode;
  scopes: string; // JSON string[]
  read_only: number;
  expires_at: string;
  used_at: string | null;
  issued_key_id: string | null;
  created_at: string;
}

declare module './schema.js' {
  interface Database {
    customers: CustomersTable;
    customer_tags: CustomerTagsTable;
    customer_contacts: CustomerContactsTable;
    install_tokens: InstallTokensTable;
  }
}
