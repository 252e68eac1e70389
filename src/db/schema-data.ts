import type { Mode } from './schema.js';

// Table shapes of assets, integration event types, analytics governance and BI (migration
// 021-data). JSON columns hold text; booleans are 0/1; byte sizes and epoch-ms are bigint.

interface Owned {
  id: string;
  workspace_id: string;
  mode: Mode;
}
interface Stamped {
  created_at: string;
  updated_at: string;
}

export type AssetStatus = 'upload_pending' | 'available' | 'archived';

export interface AssetsTable extends Owned, Stamped {
  name: string;
  file_name: string;
  description: string | null;
  asset_type: 'document' | 'image' | 'video' | 'attachment';
  mime_type: string;
  status: AssetStatus;
  /** `upload` (through the upload URL), `call_recording` (a recording of a call), `bi_export`. */
  source: string;
  /** What `complete` confirmed (null until then). */
  byte_size: number | null;
  checksum_sha256: string | null;
  /** What the upload URL received (null until something arrived). */
  uploaded_byte_size: number | null;
  uploaded_checksum_sha256: string | null;
  /** Relative to the assets directory; null for recordings (they live with src/recordings). */
  storage_path: string | null;
  related_resource_type: string | null;
  related_resource_id: string | null;
  call_id: string | null;
  recording_id: string | null;
  custom_fields: string;
  upload_expires_at: string | null;
  completed_at: string | null;
  archived_at: string | null;
}

export interface IntegrationEventTypesTable extends Owned, Stamped {
  key: string;
  category: string;
  description: string | null;
  payload_schema: string | null; // JSON Schema
}

export interface AnalyticsEventsTable extends Owned, Stamped {
  name: string;
  description: string | null;
  owner: string | null;
  properties: string; // JSON string[] of property keys
}

export interface AnalyticsPropertiesTable extends Owned, Stamped {
  key: string;
  type: string;
  description: string | null;
  required: number; // 0 | 1
}

export type BiCollection = 'datasets' | 'metrics' | 'reports' | 'dashboards' | 'scheduled-artifacts';

/** Datasets, metrics, reports, dashboards and scheduled artifacts: one table, one shape. */
export interface BiObjectsTable extends Owned, Stamped {
  collection: BiCollection;
  /** Datasets: the name queries use (`calls`, or your own). Unique per workspace and mode. */
  key: string | null;
  name: string;
  description: string | null;
  status: 'draft' | 'active' | 'archived';
  /** Datasets: `table` (a built-in source) or `view` (a saved filter over one). */
  kind: string | null;
  dataset_id: string | null;
  dashboard_id: string | null;
  definition: string; // JSON, per collection
  /** Scheduled artifacts: epoch ms of the next run (claimed with a conditional update). */
  next_run_at: number | null;
  last_run_at: string | null;
  archived_at: string | null;
}

export interface BiExportsTable extends Owned, Stamped {
  name: string | null;
  format: 'csv' | 'json';
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  /** The resolved query (JSON) the export runs. */
  query: string;
  source: string; // JSON { report_id | metric_id | query | scheduled_artifact_id }
  row_count: number | null;
  asset_id: string | null;
  error: string | null;
  started_at: string | null;
  completed_at: string | null;
}

declare module './schema.js' {
  interface Database {
    assets: AssetsTable;
    integration_event_types: IntegrationEventTypesTable;
    analytics_events: AnalyticsEventsTable;
    analytics_properties: AnalyticsPropertiesTable;
    bi_objects: BiObjectsTable;
    bi_exports: BiExportsTable;
  }
}
