import { type Kysely, type Migration, sql } from 'kysely';
import { newWebhookSecret } from '../../net/standard-webhooks.js';

// Calls, their transcript turns, carrier status-callback dedupe, and a signing secret per
// number for requests to webhook agents.
export const calls: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('numbers').addColumn('webhook_secret', 'text', (c) => c.notNull().defaultTo('')).execute();
    for (const row of await db.selectFrom('numbers').select('id').execute()) {
      await db.updateTable('numbers').set({ webhook_secret: newWebhookSecret() }).where('id', '=', row.id).execute();
    }

    await db.schema
      .createTable('calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('number_id', 'text', (c) => c.notNull().references('numbers.id'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('from_number', 'text', (c) => c.notNull())
      .addColumn('to_number', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('carrier_sid', 'text')
      .addColumn('agent_mode', 'text', (c) => c.notNull())
      .addColumn('system_prompt_override', 'text')
      .addColumn('first_message_override', 'text')
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('billable', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('answered_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('duration_seconds', 'integer')
      .addColumn('duration_source', 'text')
      .addColumn('minutes_charged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unbilled_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('turn_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('end_reason', 'text')
      .addColumn('transfer_to', 'text')
      .addColumn('last_activity_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('calls_scope').on('calls').columns(['workspace_id', 'mode', 'id']).execute();
    await db.schema.createIndex('calls_number').on('calls').columns(['number_id', 'id']).execute();
    await db.schema.createIndex('calls_status').on('calls').columns(['status']).execute();
    await sql`CREATE UNIQUE INDEX calls_carrier_sid ON calls (carrier, carrier_sid) WHERE carrier_sid IS NOT NULL`.execute(db);

    await db.schema
      .createTable('call_turns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('interrupted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_token_ms', 'integer')
      .addColumn('gateway_added_ms', 'real')
      .addColumn('agent_total_ms', 'integer')
      .addColumn('error', 'text')
      .addColumn('tool_calls', 'text')
      .execute();
    await db.schema.createIndex('call_turns_call').on('call_turns').columns(['call_id', 'seq']).unique().execute();

    await db.schema
      .createTable('carrier_callbacks')
      .addColumn('carrier_sid', 'text', (c) => c.notNull())
      .addColumn('sequence_number', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('carrier_callbacks_pk', ['carrier_sid', 'sequence_number'])
      .execute();
  },
};
