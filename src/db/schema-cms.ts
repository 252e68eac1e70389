import type { Mode } from './schema.js';

// Table shapes of the CMS (migration 019-cms): sites, collections with a field schema, entries
// (blog posts are entries of the built-in `blog` collection), entry tags, and the full-text index.
// JSON columns hold text.

interface Owned {
  id: string;
  workspace_id: string;
  mode: Mode;
}
interface Stamped {
  created_at: string;
  updated_at: string;
}

export interface CmsSitesTable extends Owned, Stamped {
  key: string;
  name: string;
  primary_domain: string | null;
}

export interface CmsCollectionsTable extends Owned, Stamped {
  key: string;
  name: string;
  description: string | null;
  site_id: string | null;
  /** JSON `{ fields: FieldDefinition[] }`. */
  schema: string;
  /** Set on collections the gateway made itself: `blog`. Null for the workspace's own. */
  built_in: string | null;
}

export interface CmsEntriesTable extends Owned, Stamped {
  collection_id: string;
  site_id: string | null;
  campaign_id: string | null;
  title: string;
  /** `fields.slug` when it is a string: unique within the collection. */
  slug: string | null;
  status: 'draft' | 'review' | 'published' | 'archived';
  content_type: string;
  fields: string; // JSON object
  tags: string; // JSON string[] (cms_entry_tags is the filterable copy)
  custom_fields: string; // JSON object of strings
  published_at: string | null;
  /** Bumped by every write; updates are conditional on it, so two PATCHes cannot lose each other. */
  version: number;
}

export interface CmsEntryTagsTable {
  entry_id: string;
  workspace_id: string;
  mode: Mode;
  tag: string;
}

/** SQLite: an FTS5 table. PostgreSQL: a table with a generated tsvector `document` (not written). */
export interface CmsSearchTable {
  entry_id: string;
  workspace_id: string;
  mode: Mode;
  collection_id: string;
  title: string;
  body: string;
}

export interface CmsTables {
  cms_sites: CmsSitesTable;
  cms_collections: CmsCollectionsTable;
  cms_entries: CmsEntriesTable;
  cms_entry_tags: CmsEntryTagsTable;
  cms_search: CmsSearchTable;
}
