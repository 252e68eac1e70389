import type { Kysely, Migration } from 'kysely';

// Short-lived, single-use tickets a browser opens a softphone socket with (it cannot send a
// bearer header on a WebSocket, and the key must never go in a URL). Only the SHA-256 of a ticket
// is stored; `used_at` is set by the one request that redeems it. In the database, not in memory,
// so a ticket asked of one gateway process works on another and after a restart.
export const softphoneTickets: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('softphone_tickets')
      .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
      .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('to_number', 'text', (c) => c.notNull())
      .addColumn('from_number', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('softphone_tickets_expires').on('softphone_tickets').column('expires_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('softphone_tickets').execute();
  },
};
