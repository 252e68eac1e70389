import type { Mode } from './schema.js';

// Table shapes of accounting and marketing (migration 020-accounting-marketing). JSON columns
// hold text; bigint money columns may come back as strings on PostgreSQL: read them with Number().

interface Owned {
  id: string;
  workspace_id: string;
  mode: Mode;
}
interface Stamped {
  created_at: string;
  updated_at: string;
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';
export type DefaultRole = 'receivables' | 'revenue' | 'cash';
export type JournalStatus = 'draft' | 'posted';

export interface AccountingSettingsTable {
  workspace_id: string;
  enabled: number;
  updated_at: string;
}

export interface AccountingAccountsTable extends Owned, Stamped {
  code: string;
  name: string;
  type: AccountType;
  description: string | null;
  custom_fields: string;
  archived_at: string | null;
}

export interface AccountingDefaultsTable {
  workspace_id: string;
  mode: Mode;
  role: DefaultRole;
  account_id: string;
}

export interface JournalEntriesTable extends Owned, Stamped {
  status: JournalStatus;
  entry_date: string;
  memo: string | null;
  reference: string | null;
  currency: string;
  total_cents: number;
  source_type: string | null;
  source_id: string | null;
  source_key: string | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  custom_fields: string;
  posted_at: string | null;
}

export interface JournalLinesTable {
  id: string;
  entry_id: string;
  workspace_id: string;
  mode: Mode;
  position: number;
  account_id: string;
  debit_cents: number;
  credit_cents: number;
  description: string | null;
}

export type CampaignStatus = 'draft' | 'active' | 'sending' | 'paused' | 'completed' | 'archived';
export type PostStatus = 'draft' | 'scheduled' | 'published' | 'archived';
export type RecipientStatus = 'pending' | 'sent' | 'skipped' | 'failed';

export interface MarketingCampaignsTable extends Owned, Stamped {
  key: string;
  name: string;
  channel: string;
  status: CampaignStatus;
  description: string | null;
  starts_at: string | null;
  ends_at: string | null;
  budget_cents: number | null;
  custom_fields: string;
  body_template: string | null;
  from_number_id: string | null;
  audience: string | null; // JSON { contact_ids?: string[], filter?: {...} }
  messages_per_minute: number;
  paused_reason: string | null;
  next_send_at: string | null;
  send_started_at: string | null;
  completed_at: string | null;
}

export interface MarketingPostsTable extends Owned, Stamped {
  campaign_id: string | null;
  channel: string;
  title: string | null;
  body: string;
  status: PostStatus;
  url: string | null;
  scheduled_at: string | null;
  published_at: string | null;
  custom_fields: string;
}

export interface MarketingRecipientsTable extends Owned, Stamped {
  campaign_id: string;
  contact_id: string;
  number_id: string;
  to_number: string | null;
  body: string | null;
  segments: number;
  cost_cents: number;
  status: RecipientStatus;
  skip_reason: string | null;
  error_code: string | null;
  sms_id: string | null;
  reply_sms_id: string | null;
  replied_at: string | null;
  sent_at: string | null;
}

declare module './schema.js' {
  interface Database {
    accounting_settings: AccountingSettingsTable;
    accounting_accounts: AccountingAccountsTable;
    accounting_defaults: AccountingDefaultsTable;
    journal_entries: JournalEntriesTable;
    journal_lines: JournalLinesTable;
    marketing_campaigns: MarketingCampaignsTable;
    marketing_posts: MarketingPostsTable;
    marketing_recipients: MarketingRecipientsTable;
  }
}
