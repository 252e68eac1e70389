import type { Kysely, Migration } from 'kysely';

// Text conversations with a number's agent (POST /v1/numbers/{id}/chat).
export const chat: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('chat_conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('number_id', 'text', (c) => c.notNull().references('numbers.id'))
      .addColumn('messages', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('chat_scope').on('chat_conversations').columns(['workspace_id', 'mode', 'number_id']).execute();
  },
};
