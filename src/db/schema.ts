// Table shapes as Kysely sees them. Every tenant-owned row carries workspace_id and mode;
// repositories filter on both in every query (see ../http/scope.ts for the Scope type).

export type Mode = 'test' | 'live';

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  key_hash: string;
  key_hint: string;
  scopes: string; // JSON array of scope strings
  read_only: number; // 0 | 1
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface BalancesTable {
  workspace_id: string;
  mode: Mode;
  balance_cents: number;
  updated_at: string;
}

export interface LedgerEntriesTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  kind: string;
  amount_cents: number;
  balance_after_cents: number;
  description: string;
  related_type: string | null;
  related_id: string | null;
  created_at: string;
}

export interface NumbersTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  phone_number: string;
  carrier: string;
  carrier_sid: string | null;
  status: 'active' | 'released';
  system_prompt: string | null;
  webhook_url: string | null;
  webhook_token: string | null;
  area_code: string | null;
  voice_id: string | null;
  first_message: string | null;
  inbound_mode: 'autopilot' | 'off';
  language: string;
  metadata: string; // JSON object of strings
  renews_at: string;
  renewal_failed_at: string | null;
  released_at: string | null;
  release_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  workspace_id: string;
  mode: Mode;
  type: string;
  data: string; // JSON
  created_at: string;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  mode: Mode;
  method: string;
  path: string;
  idem_key: string;
  fingerprint: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export interface Database {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  balances: BalancesTable;
  ledger_entries: LedgerEntriesTable;
  numbers: NumbersTable;
  events: EventsTable;
  idempotency_keys: IdempotencyKeysTable;
}
