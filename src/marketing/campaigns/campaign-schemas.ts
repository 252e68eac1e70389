import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFields } from '../../crm/custom-fields.js';
import { Cents, CustomFieldsPatch } from '../../crm/sales/sales-shared.js';
import { TEMPLATE_HELP } from './template.js';

// Marketing campaigns (seed 003 "Create marketing campaign"), and what a telephony gateway adds:
// an SMS campaign (`channel: "sms"`) with a body template, a sending number and an audience.

export const Channel = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Where it runs: `website`, `email`, `linkedin`, ... or `sms` (sendable with POST …/send).', 'x-example': 'website' });
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$', description: 'Your stable identifier, unique in the workspace (409 otherwise).', 'x-example': 'slab5_beta_launch' });
const Name = Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Slab5 beta launch' });
const Description = Type.String({ maxLength: 5000 });

export const AudienceFilter = Type.Object(
  {
    query: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'As GET /v1/contacts `query`.' })),
    company_id: Type.Optional(Type.String({ maxLength: 100 })),
    custom_field_key: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    custom_field_value: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, description: 'Contacts as GET /v1/contacts filters them (archived contacts never); `{}` is every contact.' },
);
export const Audience = Type.Object(
  {
    contact_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 1000, uniqueItems: true, description: '`con_` ids of this workspace.' })),
    filter: Type.Optional(AudienceFilter),
  },
  { additionalProperties: false, description: 'Who an SMS campaign texts: `contact_ids` or a contact `filter` (one of the two). Each contact is texted at its first phone number.' },
);
export type AudienceInput = Static<typeof Audience>;

const BodyTemplate = Type.String({ minLength: 1, maxLength: 1600, description: `The SMS text, filled per contact. ${TEMPLATE_HELP}`, 'x-example': 'Hi {{first_name|there}}, Slab5 beta is open. Reply STOP to opt out.' });
const FromNumber = Type.String({ maxLength: 100, description: 'The `num_` id that sends (and receives the replies).' });
const Rate = Type.Integer({ minimum: 1, maximum: 600, description: 'Pacing of the background sender (default 60 a minute).' });
const SettableStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('paused'), Type.Literal('completed'), Type.Literal('archived')]);
const AnyStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('sending'), Type.Literal('paused'), Type.Literal('completed'), Type.Literal('archived')]);

export const CreateCampaignBody = Type.Object(
  {
    key: Key,
    name: Name,
    channel: Channel,
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('active')], { description: 'Default `draft`. SMS campaigns start as drafts and are sent with POST …/send.' })),
    description: Type.Optional(Nullable(Description)),
    starts_at: Type.Optional(Nullable(Timestamp())),
    ends_at: Type.Optional(Nullable(Timestamp())),
    budget_cents: Type.Optional(Nullable(Cents())),
    custom_fields: Type.Optional(CustomFields),
    body_template: Type.Optional(BodyTemplate),
    from_number_id: Type.Optional(FromNumber),
    audience: Type.Optional(Audience),
    messages_per_minute: Type.Optional(Rate),
  },
  { additionalProperties: false },
);
export type CreateCampaignInput = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    name: Type.Optional(Name),
    status: Type.Optional(SettableStatus),
    description: Type.Optional(Nullable(Description)),
    starts_at: Type.Optional(Nullable(Timestamp())),
    ends_at: Type.Optional(Nullable(Timestamp())),
    budget_cents: Type.Optional(Nullable(Cents())),
    custom_fields: Type.Optional(CustomFieldsPatch),
    body_template: Type.Optional(BodyTemplate),
    from_number_id: Type.Optional(FromNumber),
    audience: Type.Optional(Audience),
    messages_per_minute: Type.Optional(Rate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCampaignInput = Static<typeof UpdateCampaignBody>;

export const CampaignStats = Type.Object({
  recipients: Type.Integer(),
  pending: Type.Integer({ description: 'Waiting for the sender.' }),
  sent: Type.Integer({ description: 'Handed to the carrier, no delivery report yet.' }),
  delivered: Type.Integer(),
  failed: Type.Integer({ description: 'Failed or undelivered (failed messages are refunded).' }),
  skipped: Type.Integer({ description: 'Opted out, no phone number, duplicate number ... never sent, never charged.' }),
  replied: Type.Integer(),
  cost_cents: Type.Integer({ description: 'What the messages sent so far cost (refunds deducted).' }),
});

export const CampaignSchema = Type.Object(
  {
    id: Type.String({ description: '`camp_` id.' }),
    key: Type.String(),
    name: Type.String(),
    channel: Type.String(),
    status: AnyStatus,
    description: Nullable(Type.String()),
    starts_at: Nullable(Timestamp()),
    ends_at: Nullable(Timestamp()),
    budget_cents: Nullable(Type.Integer()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    body_template: Nullable(Type.String()),
    from_number_id: Nullable(Type.String()),
    audience: Nullable(Audience),
    messages_per_minute: Nullable(Type.Integer()),
    paused_reason: Nullable(Type.String({ description: 'Why the sender stopped: `requested`, `insufficient_credits`, `number_inactive`.' })),
    stats: Nullable(CampaignStats),
    send_started_at: Nullable(Timestamp()),
    completed_at: Nullable(Timestamp()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'MarketingCampaign', title: 'MarketingCampaign' },
);
export type CampaignDto = Static<typeof CampaignSchema>;

export const ListCampaignsQuery = {
  status: Type.Optional(AnyStatus),
  channel: Type.Optional(Type.String({ maxLength: 40 })),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Matches key or name (case-insensitive substring).' })),
};

export const RECIPIENT_STATUSES = ['pending', 'skipped', 'sent', 'delivered', 'failed'] as const;
const RecipientStatus = Type.Union([Type.Literal('pending'), Type.Literal('skipped'), Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('failed')]);

export const RecipientSchema = Type.Object(
  {
    id: Type.String({ description: '`rcpt_` id.' }),
    campaign_id: Type.String(),
    contact_id: Type.String(),
    to: Nullable(Type.String({ description: 'E.164.' })),
    body: Nullable(Type.String({ description: 'The text as filled for this contact.' })),
    segments: Type.Integer(),
    cost_cents: Type.Integer(),
    status: Type.Union(RecipientStatus.anyOf, {
      description: '`pending` (not sent yet), `skipped` (see `skip_reason`), then the SMS\'s delivery: `sent`, `delivered`, or `failed` (failed or undelivered).',
    }),
    skip_reason: Nullable(Type.String({ description: '`opted_out`, `no_phone`, `duplicate_phone`, `contact_not_found`, `empty_body`, `body_too_long`.' })),
    error_code: Nullable(Type.String()),
    sms_id: Nullable(Type.String()),
    sent_at: Nullable(Timestamp()),
    replied_at: Nullable(Timestamp()),
    reply_sms_id: Nullable(Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'MarketingCampaignRecipient', title: 'MarketingCampaignRecipient' },
);
export type RecipientDto = Static<typeof RecipientSchema>;

export const ListRecipientsQuery = {
  status: Type.Optional(RecipientStatus),
};
