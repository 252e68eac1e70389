import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../../http/envelope.js';

// CMS sites (seed 003 "CMS"): the websites entries are published to.

export const CmsKey = (example: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9_-]*$', description: 'Lowercase letters, digits, `_` and `-`; unique in the workspace.', 'x-example': example });

export const CreateSiteBody = Type.Object(
  {
    key: CmsKey('slab5_com'),
    name: Type.String({ minLength: 1, maxLength: 200, 'x-example': 'slab5.com' }),
    primary_domain: Type.Optional(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$', description: 'A host name, e.g. `slab5.com`.' })),
  },
  { additionalProperties: false },
);

export const SiteSchema = Type.Object(
  {
    id: Type.String({ description: '`site_` id.' }),
    key: Type.String(),
    name: Type.String(),
    primary_domain: Nullable(Type.String()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'CmsSite', title: 'CmsSite' },
);

export const ListSitesQuery = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name, key or domain (case-insensitive).' })),
};
