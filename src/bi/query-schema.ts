import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../support/support-schemas.js';

// The JSON query language of POST /v1/bi/queries/run, exports and saved metrics. It names a
// dataset, fields of that dataset and aggregations; it is never SQL.

export const AGGREGATIONS = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'p50', 'p95'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const FILTER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'is_null', 'not_null', 'contains'] as const;

const FieldName = Type.String({ minLength: 1, maxLength: 64, description: 'A field of the dataset (GET /v1/bi/datasets lists them).' });
const Alias = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' });

export const Measure = Type.Object(
  {
    agg: StringEnum(AGGREGATIONS, { description: '`count` counts rows (no field needed); the others aggregate a field, ignoring nulls. `p50`/`p95`: percentiles with linear interpolation.' }),
    field: Type.Optional(FieldName),
    as: Type.Optional(Alias),
  },
  { additionalProperties: false },
);

export const Filter = Type.Object(
  {
    field: FieldName,
    op: StringEnum(FILTER_OPS),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean(), Type.Array(Type.Union([Type.String({ maxLength: 500 }), Type.Number()]), { maxItems: 100 })])),
  },
  { additionalProperties: false },
);

export const TimeWindow = Type.Object(
  {
    field: Type.Optional(FieldName),
    bucket: Type.Optional(StringEnum(BUCKETS, { description: 'Group rows by the start (UTC) of their hour, day, ISO week (Monday) or month.' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    last_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'The window ending now. Default: the last 30 days; at most 366 days.' })),
  },
  { additionalProperties: false },
);

export const OrderBy = Type.Object({ field: Type.String({ maxLength: 64 }), direction: Type.Optional(StringEnum(['asc', 'desc'] as const)) }, { additionalProperties: false });

export const BiQuery = Type.Object(
  {
    dataset: Type.String({ minLength: 1, maxLength: 100, description: 'A dataset key (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`, or one of yours) or a `ds_` id.' }),
    measures: Type.Optional(Type.Array(Measure, { maxItems: 10, description: 'Aggregations per group. Without measures the query returns rows of `fields`.' })),
    dimensions: Type.Optional(Type.Array(FieldName, { maxItems: 3, uniqueItems: true, description: 'Fields to group by (besides the time bucket).' })),
    fields: Type.Optional(Type.Array(FieldName, { maxItems: 50, uniqueItems: true, description: 'Without measures: the columns of each row (default: every field).' })),
    time: Type.Optional(TimeWindow),
    filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
    order_by: Type.Optional(Type.Array(OrderBy, { maxItems: 5 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Most rows returned (exports: up to 10,000).' })),
  },
  { additionalProperties: false },
);
export type BiQueryInput = Static<typeof BiQuery>;

/** Overrides a saved metric or report's window when it is run. */
export const RunWindow = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    last_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
    bucket: Type.Optional(StringEnum(BUCKETS)),
  },
  { additionalProperties: false },
);
export type RunWindowInput = Static<typeof RunWindow>;

export const ResultSchema = Type.Object(
  {
    kind: StringEnum(['query', 'metric', 'report'] as const),
    columns: Type.Array(Type.Object({ key: Type.String(), type: Type.String() })),
    rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    row_count: Type.Integer(),
    truncated: Type.Boolean({ description: 'More groups or rows matched than `limit`.' }),
    scanned_rows: Type.Integer({ description: 'Source rows read (at most 100,000 per dataset query).' }),
    time_range: Type.Object({ from: Type.String(), to: Type.String() }),
    duration_ms: Type.Integer(),
  },
  { $id: 'BiQueryResult', title: 'BiQueryResult' },
);
export type BiResult = Static<typeof ResultSchema>;
