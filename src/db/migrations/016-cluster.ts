import type { Kysely, Migration } from 'kysely';

// Several gateway nodes on one PostgreSQL database (src/cluster/). Each node renews a lease on
// its row in `cluster_nodes`; the node holding a call's socket records itself in `call_owners`
// (a call's owner is alive while its node's lease runs). A softphone registered on one node is
// found from the others through `softphone_registrations`; `rate_counters` holds each rate-limit
// window's shared count. Timestamps are ISO text like every other table, so the lease checks
// compare text on both engines; counters are bigint (a busy IP can pass 2^31 in a long window).
export const cluster: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('cluster_nodes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('renewed_at', 'text', (c) => c.notNull())
      .addColumn('lease_expires_at', 'text', (c) => c.notNull())
      .addColumn('draining', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('call_owners')
      .addColumn('call_id', 'text', (c) => c.primaryKey())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_owners_node').on('call_owners').column('node_id').execute();
    await db.schema
      .createTable('softphone_registrations')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('phone_number', 'text', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('softphone_registrations_pk', ['workspace_id', 'phone_number'])
      .execute();
    await db.schema
      .createTable('rate_counters')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_counters_pk', ['bucket', 'window_start'])
      .execute();
    await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('rate_counters').execute();
    await db.schema.dropTable('softphone_registrations').execute();
    await db.schema.dropTable('call_owners').execute();
    await db.schema.dropTable('cluster_nodes').execute();
  },
};
