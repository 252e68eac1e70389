import type { Kysely, Migration } from 'kysely';

// Chat conversations may be named by the client (`"conversation_id": "session_abc"`). The name
// is the client's, unique per workspace, mode and number: the same name on another number or in
// another workspace is another conversation. Our own `conv_` id stays the primary key.
export const chatClientIds: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('chat_conversations').addColumn('client_id', 'text').execute();
    // SQLite treats NULLs as distinct, so conversations we named ourselves never collide here.
    await db.schema
      .createIndex('chat_client_id')
      .unique()
      .on('chat_conversations')
      .columns(['workspace_id', 'mode', 'number_id', 'client_id'])
      .execute();
  },
};
