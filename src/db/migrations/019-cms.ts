import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// The CMS (seed 003 "CMS"): sites, collections that declare a field schema, entries validated
// against it (blog posts are entries of a built-in collection), their tags, and a ranked
// full-text index over titles and fields. Numbers gain the collection their managed agent
// searches as its knowledge base.

const base = (t: any) =>
  t
    .addColumn('id', 'text', (c: any) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c: any) => c.notNull().references('workspaces.id'))
    .addColumn('mode', 'text', (c: any) => c.notNull());
const stamps = (t: any) => t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

export const cms: Migration = {
  async up(db: Kysely<any>) {
    const scopeIndex = async (table: string) =>
      db.schema.createIndex(`${table}_scope`).on(table).columns(['workspace_id', 'mode', 'id']).execute();

    await stamps(base(db.schema.createTable('cms_sites'))
      .addColumn('key', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('primary_domain', 'text')).execute();
    await scopeIndex('cms_sites');
    await db.schema.createIndex('cms_sites_key').on('cms_sites').columns(['workspace_id', 'mode', 'key']).unique().execute();

    await stamps(base(db.schema.createTable('cms_collections'))
      .addColumn('key', 'text', (c: any) => c.notNull())
      .addColumn('name', 'text', (c: any) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('site_id', 'text')
      .addColumn('schema', 'text', (c: any) => c.notNull())
      .addColumn('built_in', 'text')).execute();
    await scopeIndex('cms_collections');
    await db.schema.createIndex('cms_collections_key').on('cms_collections').columns(['workspace_id', 'mode', 'key']).unique().execute();

    await stamps(base(db.schema.createTable('cms_entries'))
      .addColumn('collection_id', 'text', (c: any) => c.notNull().references('cms_collections.id'))
      .addColumn('site_id', 'text')
      .addColumn('campaign_id', 'text')
      .addColumn('title', 'text', (c: any) => c.notNull())
      .addColumn('slug', 'text')
      .addColumn('status', 'text', (c: any) => c.notNull())
      .addColumn('content_type', 'text', (c: any) => c.notNull())
      .addColumn('fields', 'text', (c: any) => c.notNull().defaultTo('{}'))
      .addColumn('tags', 'text', (c: any) => c.notNull().defaultTo('[]'))
      .addColumn('custom_fields', 'text', (c: any) => c.notNull().defaultTo('{}'))
      .addColumn('published_at', 'text')
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))).execute();
    await scopeIndex('cms_entries');
    await db.schema.createIndex('cms_entries_collection').on('cms_entries').columns(['collection_id', 'id']).execute();
    // NULL slugs are distinct on both engines: only entries that have one must differ.
    await db.schema.createIndex('cms_entries_slug').on('cms_entries').columns(['collection_id', 'slug']).unique().execute();

    await db.schema
      .createTable('cms_entry_tags')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('cms_entries.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('cms_entry_tags_pk', ['entry_id', 'tag'])
      .execute();
    await db.schema.createIndex('cms_entry_tags_lookup').on('cms_entry_tags').columns(['workspace_id', 'mode', 'tag']).execute();

    // Ranked full-text search over titles (weighted higher) and field text. Both engines get a
    // table named cms_search with the same written columns, so inserts and deletes are one query.
    if (dialectOf(db) === 'postgres') {
      await sql`CREATE TABLE cms_search (
        entry_id text PRIMARY KEY, workspace_id text NOT NULL, mode text NOT NULL, collection_id text NOT NULL,
        title text NOT NULL, body text NOT NULL,
        document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')
        ) STORED)`.execute(db);
      await sql`CREATE INDEX cms_search_document ON cms_search USING GIN (document)`.execute(db);
      await sql`CREATE INDEX cms_search_scope ON cms_search (workspace_id, mode, collection_id)`.execute(db);
    } else {
      await sql`CREATE VIRTUAL TABLE cms_search USING fts5(
        entry_id UNINDEXED, workspace_id UNINDEXED, mode UNINDEXED, collection_id UNINDEXED, title, body,
        tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
    }

    await db.schema.alterTable('numbers').addColumn('knowledge_collection_id', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('numbers').dropColumn('knowledge_collection_id').execute();
    for (const t of ['cms_search', 'cms_entry_tags', 'cms_entries', 'cms_collections', 'cms_sites']) await db.schema.dropTable(t).execute();
  },
};
