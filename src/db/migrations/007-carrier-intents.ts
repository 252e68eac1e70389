import { type Kysely, type Migration, sql } from 'kysely';

// Carrier side effects as intents: one row per effect (an SMS sent, a number bought or
// released, a call placed or hung up), committed before the carrier is asked, resolved once the
// outcome is recorded, and reconciled against the carrier after a crash (src/intents/).
export const carrierIntents: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('carrier_intents')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('carrier_sid', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('idem_method', 'text')
      .addColumn('idem_path', 'text')
      .addColumn('idem_key', 'text')
      .addColumn('request_id', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addPrimaryKeyConstraint('carrier_intents_pk', ['kind', 'resource_id'])
      .execute();
    await sql`CREATE INDEX carrier_intents_open ON carrier_intents (created_at) WHERE state IN ('pending', 'release')`.execute(db);
    await sql`CREATE INDEX carrier_intents_idem ON carrier_intents (workspace_id, mode, idem_method, idem_path, idem_key) WHERE idem_key IS NOT NULL`.execute(db);
  },
};
