import { type Kysely, type Migration, sql } from 'kysely';

// Accounting (double-entry books: accounts, journal entries and their lines, the workspace's
// switch and its default accounts) and marketing (campaigns, posts, and the recipients of an SMS
// campaign, one row per (campaign, contact) so a send can never reach a contact twice).
// Money is bigint cents (PostgreSQL's integer stops at 2^31).

const owned = (t: any) =>
  t
    .addColumn('id', 'text', (c: any) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c: any) => c.notNull().references('workspaces.id'))
    .addColumn('mode', 'text', (c: any) => c.notNull());
const stamps = (t: any) => t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

export const accountingMarketing: Migration = {
  async up(db: Kysely<any>) {
    const scopeIndex = async (table: string) => db.schema.createIndex(`${table}_scope`).on(table).columns(['workspace_id', 'mode', 'id']).execute();

    // Workspace-wide, like default_region: one switch for test and live mode.
    await db.schema
      .createTable('accounting_settings')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await stamps(owned(db.schema.createTable('accounting_accounts'))
      .addColumn('code', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('type', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('custom_fields', 'text', (c: any) => c.notNull().defaultTo('{}'))
      .addColumn('archived_at', 'text')).execute();
    await scopeIndex('accounting_accounts');
    await db.schema.createIndex('accounting_accounts_code').on('accounting_accounts').columns(['workspace_id', 'mode', 'code']).unique().execute();

    // Where invoices and payments post: at most one account per role (receivables, revenue, cash).
    await db.schema
      .createTable('accounting_defaults')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounting_accounts.id'))
      .addPrimaryKeyConstraint('accounting_defaults_pk', ['workspace_id', 'mode', 'role'])
      .execute();

    await stamps(owned(db.schema.createTable('journal_entries'))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('entry_date', 'text', (c: any) => c.notNull())
      .addColumn('memo', 'text')
      .addColumn('reference', 'text')
      .addColumn('currency', 'text', (c: any) => c.notNull())
      .addColumn('total_cents', 'bigint', (c: any) => c.notNull())
      .addColumn('source_type', 'text')
      .addColumn('source_id', 'text')
      // `invoice:<id>:issued`, `payment:<id>` ...: unique, so an automatic posting can never be doubled.
      .addColumn('source_key', 'text')
      .addColumn('reversal_of_id', 'text')
      .addColumn('reversed_by_id', 'text')
      .addColumn('custom_fields', 'text', (c: any) => c.notNull().defaultTo('{}'))
      .addColumn('posted_at', 'text')).execute();
    await scopeIndex('journal_entries');
    await db.schema.createIndex('journal_entries_source').on('journal_entries').columns(['workspace_id', 'mode', 'source_key']).unique().execute();

    await db.schema
      .createTable('journal_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounting_accounts.id'))
      .addColumn('debit_cents', 'bigint', (c) => c.notNull().check(sql`debit_cents >= 0`))
      .addColumn('credit_cents', 'bigint', (c) => c.notNull().check(sql`credit_cents >= 0`))
      .addColumn('description', 'text')
      .addCheckConstraint('journal_lines_one_side', sql`(debit_cents > 0 AND credit_cents = 0) OR (debit_cents = 0 AND credit_cents > 0)`)
      .execute();
    await db.schema.createIndex('journal_lines_entry').on('journal_lines').columns(['entry_id', 'position']).execute();
    await db.schema.createIndex('journal_lines_account').on('journal_lines').columns(['workspace_id', 'mode', 'account_id']).execute();

    await stamps(owned(db.schema.createTable('marketing_campaigns'))
      .addColumn('key', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('channel', 'text', (c: any) => c.notNull())
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('starts_at', 'text')
      .addColumn('ends_at', 'text')
      .addColumn('budget_cents', 'bigint')
      .addColumn('custom_fields', 'text', (c: any) => c.notNull().defaultTo('{}'))
      .addColumn('body_template', 'text')
      .addColumn('from_number_id', 'text')
      .addColumn('audience', 'text')
      .addColumn('messages_per_minute', 'integer', (c: any) => c.notNull().defaultTo(60))
      .addColumn('paused_reason', 'text')
      .addColumn('next_send_at', 'text')
      .addColumn('send_started_at', 'text')
      .addColumn('completed_at', 'text')).execute();
    await scopeIndex('marketing_campaigns');
    await db.schema.createIndex('marketing_campaigns_key').on('marketing_campaigns').columns(['workspace_id', 'mode', 'key']).unique().execute();
    await db.schema.createIndex('marketing_campaigns_sending').on('marketing_campaigns').columns(['status', 'next_send_at']).execute();

    await stamps(owned(db.schema.createTable('marketing_posts'))
      .addColumn('campaign_id', 'text')
      .addColumn('channel', 'text', (c: any) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c: any) => c.notNull())
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('scheduled_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('custom_fields', 'text', (c: any) => c.notNull().defaultTo('{}'))).execute();
    await scopeIndex('marketing_posts');

    await stamps(owned(db.schema.createTable('marketing_recipients'))
      .addColumn('campaign_id', 'text', (c: any) => c.notNull().references('marketing_campaigns.id'))
      .addColumn('contact_id', 'text', (c: any) => c.notNull())
      .addColumn('number_id', 'text', (c: any) => c.notNull())
      .addColumn('to_number', 'text')
      .addColumn('body', 'text')
      .addColumn('segments', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('cost_cents', 'bigint', (c: any) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('skip_reason', 'text')
      .addColumn('error_code', 'text')
      .addColumn('sms_id', 'text')
      .addColumn('reply_sms_id', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('sent_at', 'text')).execute();
    await db.schema.createIndex('marketing_recipients_once').on('marketing_recipients').columns(['campaign_id', 'contact_id']).unique().execute();
    await db.schema.createIndex('marketing_recipients_queue').on('marketing_recipients').columns(['campaign_id', 'status', 'id']).execute();
    await db.schema.createIndex('marketing_recipients_reply').on('marketing_recipients').columns(['number_id', 'to_number']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['marketing_recipients', 'marketing_posts', 'marketing_campaigns', 'journal_lines', 'journal_entries', 'accounting_defaults', 'accounting_accounts', 'accounting_settings']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
