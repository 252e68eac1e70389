import { Type } from '@sinclair/typebox';
import { Nullable, Timestamp } from '../http/envelope.js';
import { IdRef, StringEnum } from '../support/support-schemas.js';
import { BiQuery, BUCKETS, Filter, Measure, RunWindow, TimeWindow } from './query-schema.js';
import { SOURCE_KEYS } from './sources.js';

// Shapes of the BI objects (seed 003 names them and gives no shapes; these are ours).

export const BI_COLLECTIONS = ['datasets', 'metrics', 'reports', 'dashboards', 'scheduled-artifacts'] as const;
const Status = StringEnum(['draft', 'active', 'archived'] as const, { description: '`archived` by DELETE /v1/bi/{collection}/{id}: kept, no longer run.' });
const CreateStatus = Type.Optional(StringEnum(['draft', 'active'] as const, { default: 'active' }));
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.Optional(Type.String({ maxLength: 2000 }));
const Key = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });
const common = {
  id: Type.String(),
  livemode: Type.Boolean(),
  name: Type.String(),
  description: Nullable(Type.String()),
  status: Status,
  created_at: Timestamp(),
  updated_at: Timestamp(),
  archived_at: Nullable(Timestamp()),
};

export const CreateDatasetBody = Type.Object(
  {
    key: Key,
    name: Name,
    description: Description,
    kind: Type.Optional(Type.Literal('view', { description: 'Datasets you create are views: a saved filter and field subset over one source.' })),
    source: StringEnum(SOURCE_KEYS, { description: 'The gateway table it reads.' }),
    filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
    fields: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
    status: CreateStatus,
  },
  { additionalProperties: false },
);

export const DatasetSchema = Type.Object(
  {
    ...common,
    id: Type.String({ description: '`ds_` id.' }),
    key: Type.String({ description: 'What queries name in `dataset`.' }),
    kind: StringEnum(['table', 'view'] as const, { description: '`table`: a gateway table, built in; `view`: yours.' }),
    source: Type.String(),
    time_field: Type.String({ description: 'The timestamp field windows and buckets use by default.' }),
    fields: Type.Array(Type.Object({ key: Type.String(), type: Type.String(), description: Type.Optional(Type.String()) })),
    filters: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'BiDataset', title: 'BiDataset' },
);

export const CreateMetricBody = Type.Object(
  {
    name: Name,
    description: Description,
    key: Type.Optional(Type.Unsafe<string>({ ...Key, description: 'Its column in results (default `<agg>_<field>`, or `count`).' })),
    dataset: Type.String({ minLength: 1, maxLength: 100, description: 'A dataset key or `ds_` id.' }),
    measure: Measure,
    filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
    dimensions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 3, uniqueItems: true })),
    time: Type.Optional(Type.Object({ field: Type.Optional(Type.String({ maxLength: 64 })), bucket: Type.Optional(StringEnum(BUCKETS)) }, { additionalProperties: false })),
    status: CreateStatus,
  },
  { additionalProperties: false },
);

export const MetricSchema = Type.Object(
  {
    ...common,
    id: Type.String({ description: '`met_` id.' }),
    key: Type.String(),
    dataset_id: Type.String(),
    dataset: Type.String(),
    measure: Type.Record(Type.String(), Type.Unknown()),
    filters: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    dimensions: Type.Array(Type.String()),
    time: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'BiMetric', title: 'BiMetric' },
);

export const CreateReportBody = Type.Object(
  {
    name: Name,
    description: Description,
    metric_ids: Type.Optional(Type.Array(IdRef('A `met_` id.'), { minItems: 1, maxItems: 10, uniqueItems: true, description: 'Metrics side by side, joined on their time bucket and dimensions.' })),
    query: Type.Optional(BiQuery),
    dimensions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 3, uniqueItems: true, description: 'With metric_ids: overrides the metrics\' dimensions.' })),
    time: Type.Optional(TimeWindow),
    dashboard_id: Type.Optional(IdRef('A `dash_` id this report is shown on.')),
    status: CreateStatus,
  },
  { additionalProperties: false },
);

export const ReportSchema = Type.Object(
  {
    ...common,
    id: Type.String({ description: '`rpt_` id.' }),
    metric_ids: Type.Array(Type.String()),
    query: Nullable(Type.Record(Type.String(), Type.Unknown())),
    dimensions: Nullable(Type.Array(Type.String())),
    time: Type.Record(Type.String(), Type.Unknown()),
    dataset_id: Nullable(Type.String({ description: 'When every part reads one dataset.' })),
    dashboard_id: Nullable(Type.String()),
  },
  { $id: 'BiReport', title: 'BiReport' },
);

export const CreateDashboardBody = Type.Object(
  {
    name: Name,
    description: Description,
    layout: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Yours to keep (positions, sizes); at most 20,000 characters of JSON.' })),
    status: CreateStatus,
  },
  { additionalProperties: false },
);

export const DashboardSchema = Type.Object(
  {
    ...common,
    id: Type.String({ description: '`dash_` id.' }),
    layout: Type.Record(Type.String(), Type.Unknown()),
    report_ids: Type.Array(Type.String(), { description: 'The reports created with this `dashboard_id`.' }),
  },
  { $id: 'BiDashboard', title: 'BiDashboard' },
);

const ExportSource = {
  query: Type.Optional(BiQuery),
  metric_id: Type.Optional(IdRef('A `met_` id.')),
  report_id: Type.Optional(IdRef('A `rpt_` id.')),
  time: Type.Optional(RunWindow),
};

export const RunQueryBody = Type.Object(ExportSource, { additionalProperties: false, description: 'Exactly one of `query`, `metric_id`, `report_id`.' });

export const CreateExportBody = Type.Object(
  { name: Type.Optional(Name), format: StringEnum(['csv', 'json'] as const), ...ExportSource },
  { additionalProperties: false, description: 'Exactly one of `query`, `metric_id`, `report_id`.' },
);

export const ExportSchema = Type.Object(
  {
    id: Type.String({ description: '`exp_` id.' }),
    livemode: Type.Boolean(),
    name: Nullable(Type.String()),
    format: StringEnum(['csv', 'json'] as const),
    status: StringEnum(['pending', 'running', 'succeeded', 'failed'] as const),
    source: Type.Record(Type.String(), Type.Unknown(), { description: 'What it runs: `query`, `metric_id` or `report_id`, and `scheduled_artifact_id` when a schedule made it.' }),
    row_count: Nullable(Type.Integer()),
    asset_id: Nullable(Type.String({ description: 'The file, an asset (`source: bi_export`).' })),
    download_url: Nullable(Type.String({ description: 'Signed link (no API key) to the file, until `download_expires_at`; GET the export again for a fresh one.' })),
    download_expires_at: Nullable(Timestamp()),
    error: Nullable(Type.String()),
    started_at: Nullable(Timestamp()),
    completed_at: Nullable(Timestamp()),
    created_at: Timestamp(),
    updated_at: Timestamp(),
  },
  { $id: 'BiExport', title: 'BiExport' },
);

export const CreateScheduledArtifactBody = Type.Object(
  {
    name: Name,
    description: Description,
    artifact_type: StringEnum(['report', 'export'] as const, { description: '`report`: runs `report_id`; `export`: runs `export` (a query, metric or report).' }),
    report_id: Type.Optional(IdRef('A `rpt_` id (artifact_type report).')),
    export: Type.Optional(Type.Object(ExportSource, { additionalProperties: false })),
    format: Type.Optional(StringEnum(['csv', 'json'] as const, { default: 'csv' })),
    every_minutes: Type.Integer({ minimum: 5, maximum: 44_640, description: 'Runs every this many minutes (60 hourly, 1440 daily, 10080 weekly).' }),
    first_run_at: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now plus `every_minutes`.' })),
    status: CreateStatus,
  },
  { additionalProperties: false },
);

export const ScheduledArtifactSchema = Type.Object(
  {
    ...common,
    id: Type.String({ description: '`sched_` id.' }),
    artifact_type: StringEnum(['report', 'export'] as const),
    report_id: Nullable(Type.String()),
    export: Nullable(Type.Record(Type.String(), Type.Unknown())),
    format: StringEnum(['csv', 'json'] as const),
    every_minutes: Type.Integer(),
    next_run_at: Nullable(Timestamp()),
    last_run_at: Nullable(Timestamp()),
    last_export_id: Nullable(Type.String({ description: 'The export its last run made; its completion emits `bi.scheduled_artifact.completed`.' })),
  },
  { $id: 'BiScheduledArtifact', title: 'BiScheduledArtifact' },
);

export const UpdateObjectBody = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), status: Type.Optional(StringEnum(['draft', 'active'] as const)) },
  { additionalProperties: false, minProperties: 1 },
);

export const ObjectParams = Type.Object({
  collection: StringEnum(BI_COLLECTIONS),
  id: Type.String({ maxLength: 100 }),
});

export const AnyBiObject = Type.Union([DatasetSchema, MetricSchema, ReportSchema, DashboardSchema, ScheduledArtifactSchema]);

export const ListQueryFields = {
  query: Type.Optional(Type.String({ maxLength: 200, description: 'Case-insensitive substring of the name or description.' })),
  status: Type.Optional(Status),
};
