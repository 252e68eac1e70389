import { Type } from '@sinclair/typebox';
import { E164, Nullable, Timestamp } from '../http/envelope.js';
import { BARGE_IN_MS } from '../speech/vad/barge-in.js';
import { ENDPOINTING_MS } from '../speech/vad/endpointer.js';

// Metadata follows Stripe's limits: up to 50 keys, keys up to 40 characters (no square
// brackets), values strings up to 500 characters.
const propertyNames = { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]]+$' };
export const Metadata = Type.Record(Type.String(), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  propertyNames,
  description: 'Your own key-value pairs: up to 50 keys of up to 40 characters, string values up to 500 characters.',
});
const MetadataPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames,
  description: 'Merged into the existing metadata; a key set to "" or null is removed.',
});

const SystemPrompt = Type.String({ minLength: 1, maxLength: 20_000, description: 'Managed mode: the model\'s instructions. Webhook mode: sent to the webhook as the system message.' });
const WebhookUrl = Type.String({ minLength: 1, maxLength: 2048, description: 'Webhook mode: each caller turn is POSTed here in OpenAI chat-completions format.' });
const WebhookToken = Type.String({ minLength: 1, maxLength: 500, description: 'Sent as `Authorization: Bearer <token>` to the webhook, so it can be any OpenAI-compatible server. Never returned.' });
const VoiceId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The voice the caller hears. `relay`: a ConversationRelay (ElevenLabs) voice id. `stream`: a voice of the speech model, e.g. `alloy`. `realtime`: a voice of the Realtime model, e.g. `marin` (the gateway\'s own lines use the speech model\'s voice of the same name).',
});
const FirstMessage = Type.String({ minLength: 1, maxLength: 1000, description: 'Spoken when a call connects.' });
const InboundMode = Type.Union([Type.Literal('autopilot'), Type.Literal('off')], { description: '`autopilot` answers with the agent; `off` politely refuses calls.' });
const Language = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35, description: 'BCP 47 tag, e.g. `en-US`.' });

export const MEDIA_MODES = ['relay', 'stream', 'realtime'] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];
const MediaModeSchema = Type.Union(
  MEDIA_MODES.map((m) => Type.Literal(m)),
  {
    description:
      'How calls carry audio. `relay` (default): Twilio ConversationRelay does speech recognition, synthesis and turn-taking. `stream`: Twilio Media Streams carry the raw audio and the gateway runs its own speech pipeline (voice activity, transcription, synthesis, barge-in) against the configured speech endpoints. `realtime`: speech to speech: Media Streams carry the audio to a Realtime model (`AGENTLINE_REALTIME_*`) that hears and answers the caller itself; managed numbers only (a `system_prompt`, no `webhook_url`).',
  },
);
const EndpointingMs = Type.Integer({
  minimum: ENDPOINTING_MS.min,
  maximum: ENDPOINTING_MS.max,
  description: `\`stream\`: silence (ms) after the caller's speech that ends their turn. Default ${ENDPOINTING_MS.default}.`,
});
const BargeInMs = Type.Integer({
  minimum: BARGE_IN_MS.min,
  maximum: BARGE_IN_MS.max,
  description: `\`stream\`: caller speech (ms) during the agent's playback that interrupts it; shorter sounds (a cough, "mm") do not. 0 turns barge-in off. Default ${BARGE_IN_MS.default}.`,
});

const Recording = Type.Boolean({
  description: 'Record calls. `stream` and `realtime` calls are recorded by the gateway, `relay` calls by Twilio; fetch one with GET /v1/calls/{id}/recording. Default false; POST /v1/calls can override it per call.',
});

const AgentId = Type.String({ maxLength: 100, description: 'A reusable agent (`agt_`, see /v1/agents) whose settings replace the number\'s own on every call and message: its prompt or webhook always, its voice, language, media mode, first message and speech timings where it sets them. 422 when archived or unknown.' });

const CrmSettings = Type.Object(
  { create_leads: Type.Optional(Type.Boolean({ description: 'Open a lead (source phone or sms) for callers and texters not in the CRM.' })) },
  { additionalProperties: false },
);

// The CMS collection a managed agent searches with its `search_knowledge` tool (src/cms/knowledge/).
const KnowledgeSettings = Type.Object(
  { collection_id: Type.String({ minLength: 1, maxLength: 100, description: 'A `col_` CMS collection of this workspace (404 otherwise).' }) },
  { additionalProperties: false, description: 'Managed agents get a `search_knowledge` tool that searches this collection\'s entries (all but archived ones) during calls and SMS.' },
);

export const CreateNumberBody = Type.Object(
  {
    system_prompt: Type.Optional(SystemPrompt),
    webhook_url: Type.Optional(WebhookUrl),
    webhook_token: Type.Optional(WebhookToken),
    area_code: Type.Optional(Type.String({ pattern: '^[2-9][0-9]{2}$', description: 'Three-digit US area code.', 'x-example': '415' })),
    voice_id: Type.Optional(VoiceId),
    first_message: Type.Optional(FirstMessage),
    inbound_mode: Type.Optional(InboundMode),
    language: Type.Optional(Language),
    media_mode: Type.Optional(MediaModeSchema),
    endpointing_ms: Type.Optional(EndpointingMs),
    barge_in_ms: Type.Optional(BargeInMs),
    recording: Type.Optional(Recording),
    metadata: Type.Optional(Metadata),
    crm: Type.Optional(CrmSettings),
    knowledge: Type.Optional(KnowledgeSettings),
    agent_id: Type.Optional(AgentId),
  },
  { additionalProperties: false },
);

export const UpdateNumberBody = Type.Object(
  {
    system_prompt: Type.Optional(Nullable(SystemPrompt)),
    webhook_url: Type.Optional(Nullable(WebhookUrl)),
    webhook_token: Type.Optional(Nullable(WebhookToken)),
    voice_id: Type.Optional(Nullable(VoiceId)),
    first_message: Type.Optional(Nullable(FirstMessage)),
    inbound_mode: Type.Optional(InboundMode),
    language: Type.Optional(Language),
    media_mode: Type.Optional(MediaModeSchema),
    endpointing_ms: Type.Optional(EndpointingMs),
    barge_in_ms: Type.Optional(BargeInMs),
    recording: Type.Optional(Recording),
    metadata: Type.Optional(MetadataPatch),
    crm: Type.Optional(CrmSettings),
    knowledge: Type.Optional(Nullable(KnowledgeSettings)),
    agent_id: Type.Optional(Nullable(AgentId)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NumberSchema = Type.Object(
  {
    id: Type.String({ description: '`num_` id.' }),
    phone_number: Type.String({ description: 'E.164, e.g. +14155550123.' }),
    mode: Type.Union([Type.Literal('managed'), Type.Literal('webhook')], { description: '`webhook` when webhook_url is set, else `managed`.' }),
    status: Type.Union([Type.Literal('active'), Type.Literal('released')]),
    livemode: Type.Boolean(),
    system_prompt: Nullable(Type.String()),
    webhook_url: Nullable(Type.String()),
    webhook_token_set: Type.Boolean(),
    webhook_secret: Type.String({ description: 'Verifies our requests to your webhook: Standard Webhooks signature (`webhook-id`, `webhook-timestamp`, `webhook-signature`).' }),
    area_code: Nullable(Type.String()),
    voice_id: Nullable(Type.String()),
    first_message: Nullable(Type.String()),
    inbound_mode: InboundMode,
    language: Type.String(),
    media_mode: MediaModeSchema,
    endpointing_ms: EndpointingMs,
    barge_in_ms: BargeInMs,
    recording: Recording,
    metadata: Type.Record(Type.String(), Type.String()),
    crm: Type.Object({ create_leads: Type.Boolean() }),
    knowledge: Nullable(Type.Object({ collection_id: Type.String() }, { description: 'The knowledge base of the managed agent; null: none.' })),
    agent_id: Nullable(Type.String({ description: 'The agent whose settings the number uses; null: its own.' })),
    renews_at: Nullable(Timestamp('When the next monthly fee is charged.')),
    released_at: Nullable(Timestamp()),
    release_reason: Nullable(Type.String({ description: '`requested` or `unpaid`.' })),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'Number', title: 'Number' },
);

export const ListNumbersQuery = {
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('released')])),
  phone_number: Type.Optional(E164()),
};
