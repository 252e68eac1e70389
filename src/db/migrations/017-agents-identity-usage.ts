import type { Kysely, Migration } from 'kysely';

// Reusable agents (numbers and calls point at one with `agent_id`), the business identity their
// managed prompts speak for, and usage against the plan limits the operator sets.
export const agentsIdentityUsage: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agent_profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('role_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('avatar_url', 'text')
      .addColumn('config', 'text', (c) => c.notNull()) // JSON
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agent_profiles_role').unique().on('agent_profiles').columns(['workspace_id', 'mode', 'role_id']).execute();

    await db.schema
      .createTable('identity_profiles')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text')
      .addColumn('profile', 'text') // JSON, null: none set
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('identity_profiles_pk', ['workspace_id', 'mode'])
      .execute();

    await db.schema
      .createTable('usage_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull()) // token_usage | agent_execution
      .addColumn('source', 'text', (c) => c.notNull()) // api | managed
      .addColumn('agent_id', 'text')
      .addColumn('related_type', 'text') // call | sms
      .addColumn('related_id', 'text')
      .addColumn('prompt_tokens', 'bigint')
      .addColumn('completion_tokens', 'bigint')
      .addColumn('total_tokens', 'bigint')
      .addColumn('model', 'text')
      .addColumn('provider', 'text')
      .addColumn('usage_type', 'text')
      .addColumn('operation', 'text')
      .addColumn('status', 'text')
      .addColumn('conversation_id', 'text')
      .addColumn('task_id', 'text')
      .addColumn('message_id', 'text')
      .addColumn('result', 'text') // JSON
      .addColumn('metadata', 'text', (c) => c.notNull()) // JSON
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('usage_records_period').on('usage_records').columns(['workspace_id', 'mode', 'type', 'created_at']).execute();

    await db.schema
      .createTable('plan_limits')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
      .addColumn('plan', 'text', (c) => c.notNull())
      .addColumn('tokens', 'bigint')
      .addColumn('executions', 'integer')
      .addColumn('minutes', 'integer')
      .addColumn('sms_segments', 'integer')
      .addColumn('numbers', 'integer')
      .addColumn('enforcement', 'text', (c) => c.notNull()) // warn | block
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // One `usage.limit_exceeded` event per workspace, mode, period and metric.
    await db.schema
      .createTable('usage_alerts')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_alerts_pk', ['workspace_id', 'mode', 'period', 'metric'])
      .execute();

    await db.schema.alterTable('numbers').addColumn('agent_id', 'text').execute();
    await db.schema.alterTable('calls').addColumn('agent_id', 'text').execute();
    await db.schema.alterTable('sms_messages').addColumn('agent_id', 'text').execute();
    await db.schema.createIndex('calls_agent').on('calls').columns(['agent_id', 'created_at']).execute();
    await db.schema.createIndex('sms_messages_agent').on('sms_messages').columns(['agent_id', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('sms_messages_agent').execute();
    await db.schema.dropIndex('calls_agent').execute();
    await db.schema.alterTable('sms_messages').dropColumn('agent_id').execute();
    await db.schema.alterTable('calls').dropColumn('agent_id').execute();
    await db.schema.alterTable('numbers').dropColumn('agent_id').execute();
    for (const t of ['usage_alerts', 'plan_limits', 'usage_records', 'identity_profiles', 'agent_profiles']) await db.schema.dropTable(t).execute();
  },
};
