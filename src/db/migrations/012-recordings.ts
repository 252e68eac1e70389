import { type Kysely, type Migration, sql } from 'kysely';

// Call recordings: the number setting and the per-call override, the recordings themselves,
// and the server's own secrets (the key that signs recording links).
export const recordings: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('numbers').addColumn('recording', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('calls').addColumn('recording', 'integer').execute();
    await db.schema
      .createTable('recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('path', 'text')
      .addColumn('carrier_sid', 'text')
      .addColumn('carrier_url', 'text')
      .addColumn('format', 'text', (c) => c.notNull().defaultTo('wav'))
      .addColumn('channels', 'integer', (c) => c.notNull())
      .addColumn('sample_rate', 'integer', (c) => c.notNull())
      .addColumn('duration_seconds', 'real')
      .addColumn('size_bytes', 'integer')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('ready_at', 'text')
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('recordings_call').on('recordings').columns(['call_id', 'created_at']).execute();
    await db.schema.createIndex('recordings_scope').on('recordings').columns(['workspace_id', 'mode']).execute();
    await db.schema.createIndex('recordings_carrier_sid').unique().on('recordings').column('carrier_sid').where(sql.ref('carrier_sid'), 'is not', null).execute();
    await db.schema.createIndex('recordings_open').on('recordings').column('status').where(sql.ref('status'), '=', 'recording').execute();
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('server_secrets').execute();
    await db.schema.dropTable('recordings').execute();
    await db.schema.alterTable('calls').dropColumn('recording').execute();
    await db.schema.alterTable('numbers').dropColumn('recording').execute();
  },
};
