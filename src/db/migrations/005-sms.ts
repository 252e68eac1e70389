import { type Kysely, type Migration, sql } from 'kysely';

// SMS messages (both directions), opt-outs per (number, counterpart), and status-callback dedupe.
export const sms: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sms_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('number_id', 'text', (c) => c.notNull().references('numbers.id'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('from_number', 'text', (c) => c.notNull())
      .addColumn('to_number', 'text', (c) => c.notNull())
      .addColumn('counterpart', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('encoding', 'text', (c) => c.notNull())
      .addColumn('segments', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('carrier_sid', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('cost_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agent_reply', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sms_scope').on('sms_messages').columns(['workspace_id', 'mode', 'id']).execute();
    await db.schema.createIndex('sms_thread').on('sms_messages').columns(['number_id', 'counterpart', 'id']).execute();
    await sql`CREATE UNIQUE INDEX sms_carrier_sid ON sms_messages (carrier, carrier_sid) WHERE carrier_sid IS NOT NULL`.execute(db);

    await db.schema
      .createTable('sms_opt_outs')
      .addColumn('number_id', 'text', (c) => c.notNull().references('numbers.id'))
      .addColumn('counterpart', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('opted_out_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_opt_outs_pk', ['number_id', 'counterpart'])
      .execute();

    await db.schema
      .createTable('sms_status_callbacks')
      .addColumn('carrier_sid', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sms_status_callbacks_pk', ['carrier_sid', 'status'])
      .execute();
  },
};
