import { type Kysely, type Migration, sql } from 'kysely';

// Workspaces, API keys, the credit ledger, numbers, the events outbox and idempotency records.
export const foundation: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('key_hint', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_workspace').on('api_keys').columns(['workspace_id', 'id']).execute();

    await db.schema
      .createTable('balances')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('balance_cents', 'integer', (c) => c.notNull().check(sql`balance_cents >= 0`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('balances_pk', ['workspace_id', 'mode'])
      .execute();

    await db.schema
      .createTable('ledger_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addColumn('balance_after_cents', 'integer', (c) => c.notNull().check(sql`balance_after_cents >= 0`))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('related_type', 'text')
      .addColumn('related_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ledger_scope').on('ledger_entries').columns(['workspace_id', 'mode', 'id']).execute();
    await db.schema.createIndex('ledger_related').on('ledger_entries').columns(['related_id']).execute();

    await db.schema
      .createTable('numbers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('phone_number', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('carrier_sid', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('system_prompt', 'text')
      .addColumn('webhook_url', 'text')
      .addColumn('webhook_token', 'text')
      .addColumn('area_code', 'text')
      .addColumn('voice_id', 'text')
      .addColumn('first_message', 'text')
      .addColumn('inbound_mode', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('renews_at', 'text', (c) => c.notNull())
      .addColumn('renewal_failed_at', 'text')
      .addColumn('released_at', 'text')
      .addColumn('release_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('numbers_scope').on('numbers').columns(['workspace_id', 'mode', 'id']).execute();
    // One active owner per phone number per mode; inbound routing looks numbers up by it.
    await sql`CREATE UNIQUE INDEX numbers_active_phone ON numbers (mode, phone_number) WHERE status = 'active'`.execute(db);
    await db.schema.createIndex('numbers_renewal').on('numbers').columns(['status', 'renews_at']).execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_scope').on('events').columns(['workspace_id', 'mode', 'id']).execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('idem_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['workspace_id', 'mode', 'method', 'path', 'idem_key'])
      .execute();
    await db.schema.createIndex('idempotency_expiry').on('idempotency_keys').columns(['expires_at']).execute();
  },
};
