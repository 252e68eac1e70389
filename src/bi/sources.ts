import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Scope } from '../scope.js';

// The data BI can read: the gateway's own tables, each exposed as a dataset with a whitelist of
// fields. A field maps to one column (or a joined one); nothing a client sends becomes SQL
// except through this table, and every source query is scoped to the workspace and mode first.

export type FieldType = 'string' | 'number' | 'boolean' | 'timestamp';

export interface SourceField {
  type: FieldType;
  /** The column, qualified by the source's alias. */
  column: string;
  description?: string;
}

export interface Source {
  key: SourceKey;
  name: string;
  description: string;
  /** The field time ranges and buckets use unless a query names another timestamp field. */
  timeField: string;
  fields: Record<string, SourceField>;
  /** The FROM (with joins), filtered to the scope; the engine adds selects and conditions. */
  from(db: Executor, scope: Scope): SelectQueryBuilder<any, any, object>;
}

export const SOURCE_KEYS = ['calls', 'call_turns', 'sms', 'ledger', 'numbers', 'contacts', 'tickets', 'deals'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

// Sources are untyped builders: their tables differ, and the engine refers to whitelisted
// columns only (sql.ref), never to anything a client wrote.
function scoped(db: Executor, table: string, alias: string, scope: Scope): SelectQueryBuilder<any, any, object> {
  return (db as unknown as Kysely<any>)
    .selectFrom(`${table} as ${alias}`)
    .where(`${alias}.workspace_id`, '=', scope.workspaceId)
    .where(`${alias}.mode`, '=', scope.mode);
}

const f = (type: FieldType, column: string, description?: string): SourceField => ({ type, column, ...(description ? { description } : {}) });

export const SOURCES: Record<SourceKey, Source> = {
  calls: {
    key: 'calls',
    name: 'Calls',
    description: 'One row per call, inbound and outbound.',
    timeField: 'created_at',
    fields: {
      id: f('string', 'c.id'),
      number_id: f('string', 'c.number_id'),
      direction: f('string', 'c.direction', '`inbound` or `outbound`.'),
      from_number: f('string', 'c.from_number'),
      to_number: f('string', 'c.to_number'),
      status: f('string', 'c.status'),
      agent_mode: f('string', 'c.agent_mode'),
      contact_id: f('string', 'c.contact_id'),
      end_reason: f('string', 'c.end_reason'),
      duration_seconds: f('number', 'c.duration_seconds'),
      billed_minutes: f('number', 'c.minutes_charged'),
      cost_cents: f('number', 'c.cost_cents'),
      turn_count: f('number', 'c.turn_count'),
      answered_at: f('timestamp', 'c.answered_at'),
      ended_at: f('timestamp', 'c.ended_at'),
      created_at: f('timestamp', 'c.created_at'),
    },
    from: (db, scope) => scoped(db, 'calls', 'c', scope),
  },
  call_turns: {
    key: 'call_turns',
    name: 'Call turns',
    description: 'One row per turn of a call (caller, agent or system), with the agent\'s and the speech pipeline\'s timings in milliseconds.',
    timeField: 'started_at',
    fields: {
      id: f('string', 't.id'),
      call_id: f('string', 't.call_id'),
      number_id: f('string', 'c.number_id', 'The call\'s number.'),
      direction: f('string', 'c.direction', 'The call\'s direction.'),
      speaker: f('string', 't.speaker', '`caller`, `agent` or `system`.'),
      seq: f('number', 't.seq'),
      interrupted: f('boolean', 't.interrupted'),
      first_token_ms: f('number', 't.first_token_ms', 'From the end of the caller\'s turn to the agent\'s first token.'),
      gateway_added_ms: f('number', 't.gateway_added_ms'),
      agent_total_ms: f('number', 't.agent_total_ms'),
      endpointing_ms: f('number', 't.endpointing_ms'),
      stt_ms: f('number', 't.stt_ms'),
      tts_first_byte_ms: f('number', 't.tts_first_byte_ms'),
      first_audio_ms: f('number', 't.first_audio_ms', 'From the end of the caller\'s speech to the first audio of the reply (stream and realtime calls).'),
      started_at: f('timestamp', 't.started_at'),
    },
    from: (db, scope) => scoped(db, 'call_turns', 't', scope).innerJoin('calls as c', 'c.id', 't.call_id'),
  },
  sms: {
    key: 'sms',
    name: 'SMS',
    description: 'One row per text message, sent or received.',
    timeField: 'created_at',
    fields: {
      id: f('string', 's.id'),
      number_id: f('string', 's.number_id'),
      direction: f('string', 's.direction'),
      counterpart: f('string', 's.counterpart'),
      status: f('string', 's.status'),
      segments: f('number', 's.segments'),
      cost_cents: f('number', 's.cost_cents'),
      agent_reply: f('boolean', 's.agent_reply'),
      contact_id: f('string', 's.contact_id'),
      created_at: f('timestamp', 's.created_at'),
    },
    from: (db, scope) => scoped(db, 'sms_messages', 's', scope),
  },
  ledger: {
    key: 'ledger',
    name: 'Ledger',
    description: 'Every credit purchase and charge (negative amounts are charges).',
    timeField: 'created_at',
    fields: {
      id: f('string', 'l.id'),
      kind: f('string', 'l.kind'),
      amount_cents: f('number', 'l.amount_cents'),
      balance_after_cents: f('number', 'l.balance_after_cents'),
      related_type: f('string', 'l.related_type'),
      related_id: f('string', 'l.related_id'),
      created_at: f('timestamp', 'l.created_at'),
    },
    from: (db, scope) => scoped(db, 'ledger_entries', 'l', scope),
  },
  numbers: {
    key: 'numbers',
    name: 'Numbers',
    description: 'Phone numbers, active and released.',
    timeField: 'created_at',
    fields: {
      id: f('string', 'n.id'),
      phone_number: f('string', 'n.phone_number'),
      status: f('string', 'n.status'),
      media_mode: f('string', 'n.media_mode'),
      inbound_mode: f('string', 'n.inbound_mode'),
      language: f('string', 'n.language'),
      released_at: f('timestamp', 'n.released_at'),
      created_at: f('timestamp', 'n.created_at'),
    },
    from: (db, scope) => scoped(db, 'numbers', 'n', scope),
  },
  contacts: {
    key: 'contacts',
    name: 'Contacts',
    description: 'CRM contacts.',
    timeField: 'created_at',
    fields: {
      id: f('string', 'p.id'),
      name: f('string', 'p.name'),
      email: f('string', 'p.email'),
      company_id: f('string', 'p.company_id'),
      company_name: f('string', 'p.company_name'),
      archived_at: f('timestamp', 'p.archived_at'),
      created_at: f('timestamp', 'p.created_at'),
    },
    from: (db, scope) => scoped(db, 'contacts', 'p', scope),
  },
  tickets: {
    key: 'tickets',
    name: 'Support tickets',
    description: 'Support tickets with their first-response and resolution times.',
    timeField: 'created_at',
    fields: {
      id: f('string', 'k.id'),
      status: f('string', 'k.status'),
      priority: f('string', 'k.priority'),
      source: f('string', 'k.source'),
      category: f('string', 'k.category'),
      queue_id: f('string', 'k.queue_id'),
      assignee_id: f('string', 'k.assignee_id'),
      contact_id: f('string', 'k.contact_id'),
      call_id: f('string', 'k.call_id'),
      first_response_due_at: f('timestamp', 'k.first_response_due_at'),
      first_responded_at: f('timestamp', 'k.first_responded_at'),
      resolved_at: f('timestamp', 'k.resolved_at'),
      closed_at: f('timestamp', 'k.closed_at'),
      created_at: f('timestamp', 'k.created_at'),
    },
    from: (db, scope) => scoped(db, 'tickets', 'k', scope),
  },
  deals: {
    key: 'deals',
    name: 'Deals',
    description: 'Sales pipeline deals.',
    timeField: 'created_at',
    fields: {
      id: f('string', 'd.id'),
      name: f('string', 'd.name'),
      stage: f('string', 'd.stage'),
      company_id: f('string', 'd.company_id'),
      contact_id: f('string', 'd.contact_id'),
      amount_cents: f('number', 'd.amount_cents'),
      currency: f('string', 'd.currency'),
      expected_close_date: f('string', 'd.expected_close_date'),
      created_at: f('timestamp', 'd.created_at'),
    },
    from: (db, scope) => scoped(db, 'deals', 'd', scope),
  },
};

export const isSourceKey = (v: string): v is SourceKey => (SOURCE_KEYS as readonly string[]).includes(v);
