import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CustomFieldQuery, CustomFields } from '../../crm/custom-fields.js';

// CMS entries (seed 003 "CMS entries"): content items of a collection, checked against its schema.

export const ENTRY_STATUSES = ['draft', 'review', 'published', 'archived'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const CONTENT_TYPES = ['website_page', 'landing_page', 'blog_post', 'article', 'social_post', 'email', 'case_study', 'asset_brief', 'other'] as const;

export const Status = Type.Union(ENTRY_STATUSES.map((s) => Type.Literal(s)), {
  description: '`draft` (default), `review`, `published` (sets `published_at`), `archived`. Leaving `published` clears `published_at`.',
});
export const ContentType = Type.Union(CONTENT_TYPES.map((s) => Type.Literal(s)), { description: 'What the entry is; default `other`.' });
const Title = Type.String({ minLength: 1, maxLength: 500, 'x-example': 'AI follow-up workflows' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, description: 'Labels to filter by (`tag`); duplicates are dropped.' });
const Fields = Type.Record(Type.String(), Type.Unknown(), {
  maxProperties: 100,
  description: 'Values keyed by the collection\'s field keys, each checked against its type (422 naming `fields.<key>`).',
});
const FieldsPatch = Type.Record(Type.String(), Type.Unknown(), {
  maxProperties: 100,
  description: 'Merged into the entry\'s fields: keys given replace their value, a key set to null is removed. The result is checked against the schema.',
});
const CustomFieldsPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Merged into the existing custom fields; a key set to "" or null is removed.',
});
const RefId = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

export const CreateEntryBody = Type.Object(
  {
    collection_id: RefId('A `col_` id of this workspace (404 otherwise).'),
    title: Title,
    status: Type.Optional(Status),
    content_type: Type.Optional(ContentType),
    site_id: Type.Optional(RefId('A `site_` id of this workspace (404 otherwise).')),
    campaign_id: Type.Optional(RefId('The marketing campaign the entry belongs to (a label to filter by).')),
    fields: Type.Optional(Fields),
    tags: Type.Optional(Tags),
    custom_fields: Type.Optional(CustomFields),
  },
  { additionalProperties: false },
);

export const UpdateEntryBody = Type.Object(
  {
    title: Type.Optional(Title),
    status: Type.Optional(Status),
    content_type: Type.Optional(ContentType),
    site_id: Type.Optional(Nullable(RefId('A `site_` id of this workspace; null detaches.'))),
    campaign_id: Type.Optional(Nullable(RefId('Null detaches.'))),
    fields: Type.Optional(FieldsPatch),
    tags: Type.Optional(Tags),
    custom_fields: Type.Optional(CustomFieldsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);

const entryProperties = {
  id: Type.String({ description: '`ent_` id.' }),
  collection_id: Type.String(),
  site_id: Nullable(Type.String()),
  campaign_id: Nullable(Type.String()),
  title: Type.String(),
  slug: Nullable(Type.String({ description: '`fields.slug` when the entry has one: unique in the collection (409 otherwise).' })),
  status: Status,
  content_type: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown()),
  tags: Type.Array(Type.String()),
  custom_fields: Type.Record(Type.String(), Type.String()),
  published_at: Nullable(Timestamp('When the entry was published; null unless `status` is `published`.')),
  created_at: Timestamp(),
  updated_at: Timestamp(),
};

export const EntrySchema = Type.Object(entryProperties, { $id: 'CmsEntry', title: 'CmsEntry' });

export const SearchHitSchema = Type.Object(
  { ...entryProperties, score: Type.Number({ description: 'Relevance: higher is better; comparable within one search only.' }) },
  { $id: 'CmsSearchHit', title: 'CmsSearchHit' },
);

const Filters = {
  collection_id: Type.Optional(Type.String({ maxLength: 100, description: 'Restrict results to one collection.' })),
  status: Type.Optional(Status),
  content_type: Type.Optional(ContentType),
};

export const ListEntriesQuery = {
  ...Filters,
  site_id: Type.Optional(Type.String({ maxLength: 100, description: 'Restrict results to one site.' })),
  campaign_id: Type.Optional(Type.String({ maxLength: 100, description: 'Restrict results to one campaign.' })),
  tag: Type.Optional(Type.String({ maxLength: 50, description: 'Entries carrying this tag.' })),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search across title and fields (every word, as a prefix).' })),
  ...CustomFieldQuery,
};

export const SearchEntriesQuery = {
  query: Type.String({ minLength: 1, maxLength: 500, description: 'What to look for: entries matching more of its words, and in the title, rank higher. Words are stemmed and matched as prefixes.', 'x-example': 'follow-up workflows' }),
  ...Filters,
};
