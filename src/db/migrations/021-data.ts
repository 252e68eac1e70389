import { type Kysely, type Migration, sql } from 'kysely';

// Assets (uploaded files and call recordings as files), the workspace's own integration event
// types, analytics governance (event and property definitions) and BI objects and exports.
// Portable types only (text, integer, bigint), so it runs on SQLite and PostgreSQL alike.
export const data: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('assets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('asset_type', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'bigint')
      .addColumn('checksum_sha256', 'text')
      .addColumn('uploaded_byte_size', 'bigint')
      .addColumn('uploaded_checksum_sha256', 'text')
      .addColumn('storage_path', 'text')
      .addColumn('related_resource_type', 'text')
      .addColumn('related_resource_id', 'text')
      .addColumn('call_id', 'text')
      .addColumn('recording_id', 'text')
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('upload_expires_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assets_scope').on('assets').columns(['workspace_id', 'mode', 'id']).execute();
    await db.schema.createIndex('assets_related').on('assets').columns(['workspace_id', 'mode', 'related_resource_type', 'related_resource_id']).execute();
    await db.schema.createIndex('assets_recording').unique().on('assets').column('recording_id').where(sql.ref('recording_id'), 'is not', null).execute();

    await db.schema
      .createTable('integration_event_types')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('payload_schema', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('integration_event_types_key').unique().on('integration_event_types').columns(['workspace_id', 'mode', 'key']).execute();

    await db.schema
      .createTable('analytics_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('owner', 'text')
      .addColumn('properties', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analytics_events_name').unique().on('analytics_events').columns(['workspace_id', 'mode', 'name']).execute();
    await db.schema
      .createTable('analytics_properties')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analytics_properties_key').unique().on('analytics_properties').columns(['workspace_id', 'mode', 'key']).execute();

    await db.schema
      .createTable('bi_objects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('collection', 'text', (c) => c.notNull())
      .addColumn('key', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('kind', 'text')
      .addColumn('dataset_id', 'text')
      .addColumn('dashboard_id', 'text')
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('next_run_at', 'bigint')
      .addColumn('last_run_at', 'text')
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bi_objects_scope').on('bi_objects').columns(['workspace_id', 'mode', 'collection', 'id']).execute();
    await db.schema.createIndex('bi_objects_key').unique().on('bi_objects').columns(['workspace_id', 'mode', 'collection', 'key']).where(sql.ref('key'), 'is not', null).execute();
    await db.schema.createIndex('bi_objects_due').on('bi_objects').column('next_run_at').where(sql.ref('next_run_at'), 'is not', null).execute();

    await db.schema
      .createTable('bi_exports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('row_count', 'integer')
      .addColumn('asset_id', 'text')
      .addColumn('error', 'text')
      .addColumn('started_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bi_exports_scope').on('bi_exports').columns(['workspace_id', 'mode', 'id']).execute();
    await db.schema.createIndex('bi_exports_open').on('bi_exports').column('status').where(sql.ref('status'), 'in', ['pending', 'running']).execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['bi_exports', 'bi_objects', 'analytics_properties', 'analytics_events', 'integration_event_types', 'assets']) await db.schema.dropTable(t).execute();
  },
};
