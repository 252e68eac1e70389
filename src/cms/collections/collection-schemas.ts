import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';
import { CmsKey } from '../sites/site-schemas.js';
import { CollectionSchemaBody, FieldDefinition } from './field-schema.js';

// CMS collections (seed 003 "Create CMS collection"): a named set of entries sharing a field schema.

export const CreateCollectionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, 'x-example': 'Blog Posts' }),
    key: CmsKey('blog_posts'),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    site_id: Type.Optional(Type.String({ maxLength: 100, description: 'A `site_` id of this workspace (404 otherwise).' })),
    schema: CollectionSchemaBody,
  },
  { additionalProperties: false },
);

export const UpdateCollectionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    site_id: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'A `site_` id of this workspace; null detaches.' }))),
    schema: Type.Optional(CollectionSchemaBody),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: '`schema` replaces the field list; existing entries are checked against it at their next write. The built-in `blog` collection keeps its schema.',
  },
);

export const CollectionSchema = Type.Object(
  {
    id: Type.String({ description: '`col_` id.' }),
    key: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    site_id: Nullable(Type.String()),
    schema: Type.Object({ fields: Type.Array(FieldDefinition) }),
    built_in: Type.Boolean({ description: 'True for the collection the gateway keeps itself: `blog` (the blog posts of /v1/blog/posts).' }),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'CmsCollection', title: 'CmsCollection' },
);

export const ListCollectionsQuery = {
  site_id: Type.Optional(Type.String({ maxLength: 100, description: 'Restrict results to one site.' })),
};
