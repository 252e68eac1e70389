import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// The CRM and support resources (seed 003): companies, contacts (+ their phone numbers, for
// caller matching), leads, deal stages, deals, invoices (+ line items), payments, support
// queues, tickets (+ messages, comments), tasks, activities, and one FTS5 index for free-text
// `query` filters. Calls and SMS gain the contact they were matched to; numbers gain CRM settings.

const base = (t: any) =>
  t
    .addColumn('id', 'text', (c: any) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c: any) => c.notNull().references('workspaces.id'))
    .addColumn('mode', 'text', (c: any) => c.notNull());
const stamps = (t: any) => t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());
const json = (t: any, name: string, fallback: string) => t.addColumn(name, 'text', (c: any) => c.notNull().defaultTo(fallback));

export const crm: Migration = {
  async up(db: Kysely<any>) {
    const scopeIndex = async (table: string) =>
      db.schema.createIndex(`${table}_scope`).on(table).columns(['workspace_id', 'mode', 'id']).execute();

    await stamps(json(base(db.schema.createTable('companies')), 'custom_fields', '{}')
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('domain', 'text')
      .addColumn('website', 'text')
      .addColumn('notes', 'text')
      .addColumn('archived_at', 'text')).execute();
    await scopeIndex('companies');

    await stamps(json(json(json(base(db.schema.createTable('contacts')), 'custom_fields', '{}'), 'emails', '[]'), 'phones', '[]')
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('company_id', 'text')
      .addColumn('company_name', 'text')
      .addColumn('title', 'text')
      .addColumn('notes', 'text')
      .addColumn('archived_at', 'text')).execute();
    await scopeIndex('contacts');
    await db.schema.createIndex('contacts_company').on('contacts').columns(['company_id']).execute();

    // One row per (contact, E.164 number): calls and SMS find their contact by the caller's number.
    await db.schema
      .createTable('contact_phones')
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_phones_pk', ['contact_id', 'phone'])
      .execute();
    await db.schema.createIndex('contact_phones_lookup').on('contact_phones').columns(['workspace_id', 'mode', 'phone']).execute();

    await stamps(json(base(db.schema.createTable('leads')), 'custom_fields', '{}')
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('company_name', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('source', 'text', (c: any) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('converted_at', 'text')
      .addColumn('converted_contact_id', 'text')
      .addColumn('converted_company_id', 'text')
      .addColumn('converted_deal_id', 'text')).execute();
    await scopeIndex('leads');

    await stamps(base(db.schema.createTable('deal_stages'))
      .addColumn('key', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('position', 'integer', (c: any) => c.notNull())
      .addColumn('probability', 'integer')
      .addColumn('archived_at', 'text')).execute();
    await scopeIndex('deal_stages');
    await db.schema.createIndex('deal_stages_key').on('deal_stages').columns(['workspace_id', 'mode', 'key']).unique().execute();

    await stamps(json(base(db.schema.createTable('deals')), 'custom_fields', '{}')
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('stage', 'text', (c: any) => c.notNull())
      .addColumn('company_id', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('lead_id', 'text')
      .addColumn('amount_cents', 'integer')
      .addColumn('currency', 'text', (c: any) => c.notNull())
      .addColumn('expected_close_date', 'text')
      .addColumn('archived_at', 'text')).execute();
    await scopeIndex('deals');

    await stamps(base(db.schema.createTable('invoices'))
      .addColumn('invoice_number', 'text', (c: any) => c.notNull())
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('company_id', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('deal_id', 'text')
      .addColumn('currency', 'text', (c: any) => c.notNull())
      .addColumn('subtotal_cents', 'integer', (c: any) => c.notNull())
      .addColumn('total_cents', 'integer', (c: any) => c.notNull())
      .addColumn('amount_paid_cents', 'integer', (c: any) => c.notNull().defaultTo(0).check(sql`amount_paid_cents >= 0`))
      .addColumn('due_date', 'text')
      .addColumn('notes', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('paid_at', 'text')
      .addColumn('voided_at', 'text')).execute();
    await scopeIndex('invoices');
    await db.schema.createIndex('invoices_number').on('invoices').columns(['workspace_id', 'mode', 'invoice_number']).unique().execute();
    if (dialectOf(db) === 'postgres') {
      await sql`CREATE FUNCTION invoices_no_overpay() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'invoice overpaid' USING ERRCODE = 'check_violation'; END $$`.execute(db);
      await sql`CREATE TRIGGER invoices_no_overpay BEFORE UPDATE OF amount_paid_cents ON invoices
        FOR EACH ROW WHEN (NEW.amount_paid_cents > NEW.total_cents) EXECUTE FUNCTION invoices_no_overpay()`.execute(db);
    } else {
    await sql`CREATE TRIGGER invoices_no_overpay BEFORE UPDATE OF amount_paid_cents ON invoices
      WHEN NEW.amount_paid_cents > NEW.total_cents BEGIN SELECT RAISE(ABORT, 'invoice overpaid'); END`.execute(db);
    }

    await db.schema
      .createTable('invoice_line_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_amount_cents', 'integer', (c) => c.notNull())
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoice_line_items_invoice').on('invoice_line_items').columns(['invoice_id', 'position']).execute();

    await base(db.schema.createTable('payments'))
      .addColumn('invoice_id', 'text', (c: any) => c.notNull().references('invoices.id'))
      .addColumn('amount_cents', 'integer', (c: any) => c.notNull().check(sql`amount_cents > 0`))
      .addColumn('currency', 'text', (c: any) => c.notNull())
      .addColumn('method', 'text')
      .addColumn('reference', 'text')
      .addColumn('paid_at', 'text', (c: any) => c.notNull())
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .execute();
    await scopeIndex('payments');

    await stamps(json(base(db.schema.createTable('support_queues')), 'custom_fields', '{}')
      .addColumn('key', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('first_response_target_minutes', 'integer')).execute();
    await scopeIndex('support_queues');
    await db.schema.createIndex('support_queues_key').on('support_queues').columns(['workspace_id', 'mode', 'key']).unique().execute();

    await stamps(json(base(db.schema.createTable('tickets')), 'custom_fields', '{}')
      .addColumn('subject', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('priority', 'text', (c: any) => c.notNull())
      .addColumn('source', 'text', (c: any) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('queue_id', 'text')
      .addColumn('assignee_id', 'text')
      .addColumn('contact_id', 'text')
      .addColumn('company_id', 'text')
      .addColumn('deal_id', 'text')
      .addColumn('lead_id', 'text')
      .addColumn('invoice_id', 'text')
      .addColumn('call_id', 'text')
      .addColumn('first_response_due_at', 'text')
      .addColumn('first_responded_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('closed_at', 'text')).execute();
    await scopeIndex('tickets');
    await db.schema.createIndex('tickets_contact').on('tickets').columns(['contact_id']).execute();

    await base(db.schema.createTable('ticket_messages'))
      .addColumn('ticket_id', 'text', (c: any) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('direction', 'text', (c: any) => c.notNull())
      .addColumn('channel', 'text', (c: any) => c.notNull())
      .addColumn('body', 'text', (c: any) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_messages_ticket').on('ticket_messages').columns(['ticket_id', 'id']).execute();

    await stamps(base(db.schema.createTable('ticket_comments'))
      .addColumn('ticket_id', 'text', (c: any) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('body', 'text', (c: any) => c.notNull())
      .addColumn('pinned', 'integer', (c: any) => c.notNull().defaultTo(0))
      .addColumn('author_id', 'text')).execute();
    await db.schema.createIndex('ticket_comments_ticket').on('ticket_comments').columns(['ticket_id', 'id']).execute();

    await stamps(base(db.schema.createTable('tasks'))
      .addColumn('title', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('due_at', 'text')
      .addColumn('related_resource_type', 'text')
      .addColumn('related_resource_id', 'text')
      .addColumn('completed_note', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('canceled_at', 'text')).execute();
    await scopeIndex('tasks');
    await db.schema.createIndex('tasks_related').on('tasks').columns(['related_resource_id']).execute();

    // Append-only: no updated_at.
    await json(base(db.schema.createTable('activities')), 'metadata', '{}')
      .addColumn('type', 'text', (c: any) => c.notNull())
      .addColumn('summary', 'text', (c: any) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('related_resource_type', 'text')
      .addColumn('related_resource_id', 'text')
      .addColumn('occurred_at', 'text', (c: any) => c.notNull())
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .execute();
    await scopeIndex('activities');
    await db.schema.createIndex('activities_related').on('activities').columns(['related_resource_id', 'occurred_at']).execute();

    // Free-text search (`query`) over contacts, companies, leads, deal stages, tickets, activities.
    // SQLite FTS5 here; on PostgreSQL this becomes a tsvector column per table.
    if (dialectOf(db) === 'postgres') {
      // The PostgreSQL twin: body is stored already folded (search-index.ts), its tsvector is a
      // generated column under a GIN index.
      await sql`CREATE TABLE crm_search (
        resource_id text NOT NULL, resource_type text NOT NULL, workspace_id text NOT NULL, mode text NOT NULL, body text NOT NULL,
        body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)`.execute(db);
      await sql`CREATE INDEX crm_search_tsv ON crm_search USING gin (body_tsv)`.execute(db);
      await sql`CREATE INDEX crm_search_resource ON crm_search (resource_id)`.execute(db);
    } else {
    await sql`CREATE VIRTUAL TABLE crm_search USING fts5(
      resource_id UNINDEXED, resource_type UNINDEXED, workspace_id UNINDEXED, mode UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
    }

    await db.schema.alterTable('calls').addColumn('contact_id', 'text').execute();
    await db.schema.alterTable('sms_messages').addColumn('contact_id', 'text').execute();
    await db.schema.alterTable('numbers').addColumn('crm_settings', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  },
};
