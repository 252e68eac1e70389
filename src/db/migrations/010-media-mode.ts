import type { Kysely, Migration } from 'kysely';

// How a number's calls carry audio, and the speech settings of the gateway's own pipeline
// (`stream`). Existing numbers keep ConversationRelay; the defaults match the pipeline's.
export const mediaMode: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('numbers').addColumn('media_mode', 'text', (c) => c.notNull().defaultTo('relay')).execute();
    await db.schema.alterTable('numbers').addColumn('endpointing_ms', 'integer', (c) => c.notNull().defaultTo(500)).execute();
    await db.schema.alterTable('numbers').addColumn('barge_in_ms', 'integer', (c) => c.notNull().defaultTo(250)).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('numbers').dropColumn('barge_in_ms').execute();
    await db.schema.alterTable('numbers').dropColumn('endpointing_ms').execute();
    await db.schema.alterTable('numbers').dropColumn('media_mode').execute();
  },
};
