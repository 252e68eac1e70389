import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';

// POST /v1/usage/track (seed 001's two record types, in snake_case) and GET /v1/usage/stats.

const Tokens = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000, description });
const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Json = Type.Record(Type.String({ minLength: 1, maxLength: 40 }), Type.Unknown(), { maxProperties: 50, description: 'Up to 50 keys; any JSON values.' });

const Common = {
  identity_id: Type.Optional(Type.String({ maxLength: 100, description: 'The workspace\'s identity (`idn_…`, GET /v1/identity); optional, checked when given.' })),
  agent_id: Type.Optional(Type.String({ maxLength: 100, description: 'An agent of this workspace (`agt_…`).' })),
  operation: Type.Optional(Text()),
  conversation_id: Type.Optional(Text()),
  task_id: Type.Optional(Text()),
  metadata: Type.Optional(Json),
};

export const TokenUsageBody = Type.Object(
  {
    type: Type.Literal('token_usage'),
    prompt_tokens: Type.Optional(Tokens('Input tokens.')),
    completion_tokens: Type.Optional(Tokens('Output tokens.')),
    total_tokens: Type.Optional(Tokens('prompt + completion; computed when omitted, checked when given with both.')),
    model: Text(100),
    provider: Type.Optional(Text(100)),
    usage_type: Type.Optional(Text(100)),
    ...Common,
  },
  { additionalProperties: false, title: 'TokenUsageRecord' },
);

export const EXECUTION_STATUSES = ['started', 'completed', 'failed', 'cancelled'] as const;

export const AgentExecutionBody = Type.Object(
  {
    type: Type.Literal('agent_execution'),
    ...Common,
    agent_id: Type.String({ maxLength: 100, description: 'The agent that ran (`agt_…`).' }),
    status: Type.Union(EXECUTION_STATUSES.map((s) => Type.Literal(s))),
    message_id: Type.Optional(Text()),
    result: Type.Optional(Json),
  },
  { additionalProperties: false, title: 'AgentExecutionRecord' },
);

export const TrackBody = Type.Union([TokenUsageBody, AgentExecutionBody], { description: 'A `token_usage` or an `agent_execution` record.' });

export const UsageRecordSchema = Type.Object(
  {
    id: Type.String({ description: '`use_` id.' }),
    type: Type.Union([Type.Literal('token_usage'), Type.Literal('agent_execution')]),
    source: Type.Union([Type.Literal('api'), Type.Literal('managed')], { description: '`managed`: recorded by the gateway from a managed agent\'s model.' }),
    agent_id: Nullable(Type.String()),
    related_resource: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
    prompt_tokens: Nullable(Type.Integer()),
    completion_tokens: Nullable(Type.Integer()),
    total_tokens: Nullable(Type.Integer()),
    model: Nullable(Type.String()),
    provider: Nullable(Type.String()),
    usage_type: Nullable(Type.String()),
    operation: Nullable(Type.String()),
    status: Nullable(Type.String()),
    conversation_id: Nullable(Type.String()),
    task_id: Nullable(Type.String()),
    message_id: Nullable(Type.String()),
    result: Nullable(Type.Record(Type.String(), Type.Unknown())),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
  },
  { $id: 'UsageRecord', title: 'UsageRecord' },
);

const Meter = Type.Object({
  current: Type.Integer(),
  limit: Nullable(Type.Integer({ description: 'null: no limit.' })),
  percentage: Nullable(Type.Integer({ description: 'current in percent of limit, rounded; null without a limit.' })),
  formatted: Type.String({ description: 'e.g. `50K / 1M`.' }),
});

export const UsageStatsSchema = Type.Object(
  {
    plan: Type.String({ description: 'The plan name the operator set (`unlimited` when none).' }),
    enforcement: Type.Union([Type.Literal('warn'), Type.Literal('block')], { description: '`warn`: a reached limit emits `usage.limit_exceeded`; `block`: it also refuses new calls, SMS or numbers with 402 `plan_limit_exceeded`.' }),
    period: Type.Object({ start: Timestamp(), end: Timestamp() }),
    token_usage: Meter,
    executions: Meter,
    minutes: Meter,
    sms_segments: Meter,
    numbers: Meter,
  },
  { $id: 'UsageStats', title: 'UsageStats' },
);

export const UsageStatsQuery = Type.Object({
  period: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month, `YYYY-MM` (UTC); default the current one.' })),
});
