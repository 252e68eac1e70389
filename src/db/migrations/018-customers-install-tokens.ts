import type { Kysely, Migration } from 'kysely';

// Issue 14: customers (seed 001), whose contacts are CRM contacts, and the install tokens the CLI
// signs in with (seed 000). Written with the schema builder only, so it runs on SQLite and
// PostgreSQL alike.
export const customersInstallTokens: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('company', 'text')
      .addColumn('phone', 'text')
      // E.164 when `phone` reads as a number: what calls and SMS are matched on (null: never matched).
      .addColumn('phone_e164', 'text')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('notes', 'text')
      .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customers_scope').on('customers').columns(['workspace_id', 'mode', 'id']).execute();

    // The tag filter, without JSON functions (which differ between SQLite and PostgreSQL).
    await db.schema
      .createTable('customer_tags')
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
      .execute();
    await db.schema.createIndex('customer_tags_lookup').on('customer_tags').columns(['workspace_id', 'mode', 'tag']).execute();

    // A CRM contact belongs to at most one customer (so "the customer of this contact" is one answer).
    await db.schema
      .createTable('customer_contacts')
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_contacts_pk', ['customer_id', 'contact_id'])
      .execute();
    await db.schema.createIndex('customer_contacts_contact').on('customer_contacts').columns(['workspace_id', 'mode', 'contact_id']).unique().execute();

    // Single-use install tokens: only the SHA-256 is kept; `used_at` is set by the one exchange
    // that wins (a conditional UPDATE). Used rows are kept a day so a replay can be recognised.
    await db.schema
      .createTable('install_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('token_hint', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('issued_key_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('install_tokens_expires').on('install_tokens').column('expires_at').execute();

    // Keys made by an exchange carry the label the CLI gave ("CLI on laptop").
    await db.schema.alterTable('api_keys').addColumn('label', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('api_keys').dropColumn('label').execute();
    await db.schema.dropTable('install_tokens').execute();
    await db.schema.dropTable('customer_contacts').execute();
    await db.schema.dropTable('customer_tags').execute();
    await db.schema.dropTable('customers').execute();
  },
};
