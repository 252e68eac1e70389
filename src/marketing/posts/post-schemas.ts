import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFields } from '../../crm/custom-fields.js';
import { CustomFieldsPatch } from '../../crm/sales/sales-shared.js';
import { Channel } from '../campaigns/campaign-schemas.js';

// Marketing posts (seed 003 "Create marketing post"): content for a channel, optionally part of
// a campaign, `draft` → `scheduled` → `published` (or `archived`).

export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
const Status = Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('published'), Type.Literal('archived')]);
const Title = Type.String({ maxLength: 300, 'x-example': 'Beta launch' });
const Body = Type.String({ minLength: 1, maxLength: 20_000, 'x-example': 'We are opening Slab5 private beta.' });
const Url = Type.String({ format: 'uri', maxLength: 2000, description: 'Where it was published.' });
const CampaignId = Type.String({ maxLength: 100, description: 'A `camp_` id of this workspace (404 otherwise).' });

export const CreatePostBody = Type.Object(
  {
    channel: Channel,
    title: Type.Optional(Nullable(Title)),
    body: Body,
    campaign_id: Type.Optional(Nullable(CampaignId)),
    status: Type.Optional(Status),
    url: Type.Optional(Nullable(Url)),
    scheduled_at: Type.Optional(Nullable(Timestamp('Required for `scheduled`.'))),
    published_at: Type.Optional(Nullable(Timestamp('Defaults to now for `published`.'))),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);
export type CreatePostInput = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    channel: Type.Optional(Channel),
    title: Type.Optional(Nullable(Title)),
    body: Type.Optional(Body),
    campaign_id: Type.Optional(Nullable(CampaignId)),
    status: Type.Optional(Status),
    url: Type.Optional(Nullable(Url)),
    scheduled_at: Type.Optional(Nullable(Timestamp())),
    published_at: Type.Optional(Nullable(Timestamp())),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePostInput = Static<typeof UpdatePostBody>;

export const PostSchema = Type.Object(
  {
    id: Type.String({ description: '`post_` id.' }),
    channel: Type.String(),
    title: Nullable(Type.String()),
    body: Type.String(),
    campaign_id: Nullable(Type.String()),
    status: Status,
    url: Nullable(Type.String()),
    scheduled_at: Nullable(Timestamp()),
    published_at: Nullable(Timestamp()),
    custom_fields: Type.Record(Type.String(), Type.String()),
    livemode: Type.Boolean(),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'MarketingPost', title: 'MarketingPost' },
);
export type PostDto = Static<typeof PostSchema>;

export const ListPostsQuery = {
  campaign_id: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Status),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Matches title or body (case-insensitive substring).' })),
};
