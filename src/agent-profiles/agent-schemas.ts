import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { MEDIA_MODES } from '../numbers/number-schemas.js';
import { BARGE_IN_MS } from '../speech/vad/barge-in.js';
import { ENDPOINTING_MS } from '../speech/vad/endpointer.js';

// An agent (seed 001's agent endpoints, in our conventions): a reusable configuration that numbers
// and outbound calls point at with `agent_id`. `config` carries what a number would otherwise
// carry itself (prompt or webhook, voice, media mode, first message, speech timings) plus the
// persona, the model and which tool sets are on.

export const AGENT_STATUSES = ['active', 'paused', 'archived'] as const;
const Status = Type.Union(AGENT_STATUSES.map((s) => Type.Literal(s)), {
  description: '`active` answers; `paused`: its numbers answer with a short "unavailable" line and hang up (not charged); `archived`: cannot be attached to a number or a call.',
});

const Kebab = '^[a-z0-9]+(-[a-z0-9]+)*$';
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Kind = Type.String({ minLength: 1, maxLength: 64, pattern: Kebab, description: 'Type/category, kebab-case, e.g. `receptionist`, `inbox-manager`. Default `assistant`.' });
const RoleId = Type.String({ minLength: 1, maxLength: 64, pattern: Kebab, description: 'Unique in the workspace, kebab-case. Default: from the name.' });
const AvatarUrl = Type.String({ minLength: 1, maxLength: 2048 });

const Enabled = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

export const AgentConfig = Type.Object(
  {
    persona: Type.Optional(Type.Object(
      {
        tone: Type.Optional(Type.String({ maxLength: 100 })),
        traits: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
        bio: Type.Optional(Type.String({ maxLength: 2000 })),
        signature: Type.Optional(Type.String({ maxLength: 500 })),
      },
      { additionalProperties: false, description: 'Told to the agent after its prompt (managed) or with the system message (webhook).' },
    )),
    system_prompt: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'Managed agent: the model\'s instructions.' })),
    webhook_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'Webhook agent: each turn is POSTed here (the number\'s `webhook_secret` signs it).' })),
    webhook_token: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Sent as `Authorization: Bearer …` to the webhook. Never returned.' })),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Managed agent: the model (default `OPENAI_MODEL`).' })),
    voice_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 })),
    media_mode: Type.Optional(Type.Union(MEDIA_MODES.map((m) => Type.Literal(m)))),
    first_message: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    endpointing_ms: Type.Optional(Type.Integer({ minimum: ENDPOINTING_MS.min, maximum: ENDPOINTING_MS.max })),
    barge_in_ms: Type.Optional(Type.Integer({ minimum: BARGE_IN_MS.min, maximum: BARGE_IN_MS.max })),
    tools: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Enabled, {
      maxProperties: 20,
      description: '`call_control` (end_call, transfer_call, send_digits), `crm` (the CRM tools of managed agents), `knowledge`; each `{ "enabled": bool }`, on unless set false. Other names (the seed\'s `email`, `calendar`) are stored.',
    })),
    knowledge: Type.Optional(Type.Object(
      { collection_id: Type.String({ minLength: 1, maxLength: 100 }) },
      { additionalProperties: false, description: 'The knowledge collection the agent\'s numbers search.' },
    )),
    context: Type.Optional(Type.Object(
      { enabled: Type.Boolean(), namespace: Type.Optional(Type.String({ maxLength: 200 })) },
      { additionalProperties: false, description: '`enabled: false` leaves the business identity out of a managed agent\'s prompt.' },
    )),
  },
  { additionalProperties: false },
);
export type AgentConfigInput = Static<typeof AgentConfig>;

export const CreateAgentBody = Type.Object(
  {
    name: Name,
    kind: Type.Optional(Kind),
    role_id: Type.Optional(RoleId),
    status: Type.Optional(Status),
    avatar_url: Type.Optional(AvatarUrl),
    config: Type.Optional(AgentConfig),
  },
  { additionalProperties: false },
);

/** `config` merges key by key: a key set to null is removed. */
export const UpdateAgentBody = Type.Object(
  {
    name: Type.Optional(Name),
    kind: Type.Optional(Kind),
    role_id: Type.Optional(RoleId),
    status: Type.Optional(Status),
    avatar_url: Type.Optional(Nullable(AvatarUrl)),
    config: Type.Optional(Type.Object(
      Object.fromEntries(Object.entries(AgentConfig.properties).map(([k, v]) => [k, Type.Optional(Nullable(Type.Unsafe(v)))])),
      { additionalProperties: false, description: 'Merged into the agent\'s config, key by key; a key set to null is removed.' },
    )),
  },
  { additionalProperties: false, minProperties: 1 },
);

const StoredConfig = Type.Object({}, { additionalProperties: true, description: 'As given, with `webhook_token` replaced by `webhook_token_set`.' });

const AgentFields = {
  id: Type.String({ description: '`agt_` id.' }),
  name: Type.String(),
  kind: Type.String(),
  role_id: Type.String(),
  status: Status,
  avatar_url: Nullable(Type.String()),
  mode: Type.Union([Type.Literal('managed'), Type.Literal('webhook')], { description: '`webhook` when `config.webhook_url` is set, else `managed`.' }),
  livemode: Type.Boolean(),
  active_tasks: Type.Integer({ description: 'Open tasks assigned to the agent or about its calls and messages.' }),
  last_active_at: Nullable(Timestamp('The start of its latest call or SMS reply.')),
  created_at: Timestamp(),
  updated_at: Timestamp(),
};

export const AgentSummarySchema = Type.Object(AgentFields, { $id: 'AgentSummary', title: 'AgentSummary' });

export const AgentStatsSchema = Type.Object({
  calls_handled: Type.Integer(),
  sms_handled: Type.Integer({ description: 'SMS replies the agent wrote.' }),
  active_tasks: Type.Integer(),
  completed_tasks: Type.Integer(),
  completion_rate: Nullable(Type.Integer({ description: 'Completed tasks in percent of open + completed; null with none.' })),
  escalations: Type.Integer({ description: 'Calls it transferred.' }),
  total_actions: Type.Integer({ description: 'Tool calls it made on calls.' }),
  last_active_at: Nullable(Timestamp()),
});

export const AgentSchema = Type.Object(
  { ...AgentFields, config: StoredConfig, stats: AgentStatsSchema, numbers: Type.Array(Type.String(), { description: 'Active numbers using the agent.' }) },
  { $id: 'Agent', title: 'Agent' },
);

export const ListAgentsQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Search name, kind and role_id: `*` any characters, `?` one; without a wildcard, a substring.' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Same as `query`.' })),
  status: Type.Optional(Status),
  kind: Type.Optional(Type.String({ maxLength: 64, description: 'Exact, or a pattern with `*` / `?`.' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Rows to skip (the seed\'s offset paging; `cursor` is the other way).' })),
};

export const AgentList = Type.Object({
  data: Type.Array(AgentSummarySchema),
  next_cursor: Nullable(Type.String()),
  count: Type.Integer({ description: 'Agents in this page.' }),
  total: Type.Integer({ description: 'Agents matching the filters.' }),
  pagination: Type.Object({ limit: Type.Integer(), offset: Type.Integer(), has_more: Type.Boolean() }),
  filters: Type.Object({
    query: Type.Optional(Type.String()),
    status: Type.Optional(Type.String()),
    kind: Type.Optional(Type.String()),
  }, { description: 'The filters applied.' }),
  request_id: Type.String(),
});
