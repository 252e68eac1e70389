import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { ApiError } from '../errors.js';
import type { Scope } from '../scope.js';
import { likePattern } from '../support/support-schemas.js';
import { aggregate, bucketOf } from './aggregate.js';
import type { Aggregation, BiQueryInput, BiResult, Bucket } from './query-schema.js';
import { type FieldType, SOURCES, type SourceKey } from './sources.js';

// Runs a BI query: checks every name against the dataset's whitelist, reads the matching rows of
// one source (scoped to the workspace and mode, within a time window of at most 366 days, at most
// MAX_SCAN rows), then groups and aggregates them in JavaScript. Bounded in rows read, rows
// returned and time spent; a query over the bounds is refused (422), never silently partial.

export const MAX_SCAN = 100_000;
export const TIME_BUDGET_MS = 5_000;
const MAX_WINDOW_MS = 366 * 86_400_000;
const DEFAULT_DAYS = 30;

export interface DatasetRef {
  id: string | null;
  key: string;
  source: SourceKey;
  /** A view's own filters, ANDed with the query's. */
  filters: Filter[];
  /** A view's field subset; null: every field of the source. */
  fields: string[] | null;
}

type Filter = NonNullable<BiQueryInput['filters']>[number];

export interface ResolvedMeasure {
  agg: Aggregation;
  field: string | null;
  as: string;
}

export interface ResolvedQuery {
  dataset: DatasetRef;
  measures: ResolvedMeasure[];
  dimensions: string[];
  fields: string[];
  timeField: string;
  bucket: Bucket | null;
  from: string;
  to: string;
  filters: Filter[];
  orderBy: { field: string; direction: 'asc' | 'desc' }[];
  limit: number;
}

const invalid = (field: string, error: string, message: string, received?: unknown) =>
  new ApiError('validation_error', message, [{ field, error, ...(received === undefined ? {} : { received }) }]);

export function fieldsOf(dataset: DatasetRef): Record<string, { type: FieldType; description?: string }> {
  const all = SOURCES[dataset.source].fields;
  const keep = dataset.fields ?? Object.keys(all);
  return Object.fromEntries(keep.filter((k) => k in all).map((k) => [k, { type: all[k]!.type, ...(all[k]!.description ? { description: all[k]!.description } : {}) }]));
}

/** The window: `from`/`to`, or the last `last_days` (default 30) ending now; at most 366 days. */
export function resolveWindow(t: { from?: string; to?: string; last_days?: number } | undefined, now: Date, path: string): { from: string; to: string } {
  const to = t?.to ? new Date(t.to) : now;
  const from = t?.from ? new Date(t.from) : new Date(to.getTime() - (t?.last_days ?? DEFAULT_DAYS) * 86_400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw invalid(`${path}.from`, 'invalid_format', 'from and to must be ISO 8601 date-times.');
  if (from >= to) throw invalid(`${path}.from`, 'invalid_range', 'from must be before to.');
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw invalid(`${path}.from`, 'window_too_large', 'A query covers at most 366 days.');
  return { from: from.toISOString(), to: to.toISOString() };
}

export function resolveQuery(input: BiQueryInput, dataset: DatasetRef, now: Date, opts: { path: string; maxLimit: number }): ResolvedQuery {
  const p = opts.path;
  const at = (rest: string) => (p ? `${p}.${rest}` : rest);
  const fields = fieldsOf(dataset);
  const need = (name: string, at: string) => {
    if (!(name in fields)) throw invalid(at, 'unknown_field', `${name} is not a field of dataset ${dataset.key}; it has ${Object.keys(fields).join(', ')}.`, name);
    return fields[name]!;
  };
  const measures: ResolvedMeasure[] = (input.measures ?? []).map((m, i) => {
    let field: string | null = null;
    if (m.agg !== 'count') {
      if (!m.field) throw invalid(at(`measures.${i}.field`), 'required', `${m.agg} needs a field.`);
      const type = need(m.field, at(`measures.${i}.field`)).type;
      if (m.agg !== 'count_distinct' && type !== 'number' && type !== 'boolean') {
        throw invalid(at(`measures.${i}.field`), 'not_numeric', `${m.agg} needs a number field; ${m.field} is a ${type}.`, m.field);
      }
      field = m.field;
    } else if (m.field) {
      field = need(m.field, at(`measures.${i}.field`)) && m.field; // count of rows where the field is not null
    }
    return { agg: m.agg, field, as: m.as ?? (field ? `${m.agg}_${field}` : m.agg) };
  });
  const seen = new Set<string>();
  for (const [i, m] of measures.entries()) {
    if (seen.has(m.as)) throw invalid(at(`measures.${i}.as`), 'duplicate', `Two measures are named ${m.as}; give one an \`as\`.`);
    seen.add(m.as);
  }
  const dimensions = (input.dimensions ?? []).map((d, i) => (need(d, at(`dimensions.${i}`)), d));
  const timeField = input.time?.field ?? SOURCES[dataset.source].timeField;
  if (need(timeField, at(`time.field`)).type !== 'timestamp') throw invalid(at(`time.field`), 'not_timestamp', `${timeField} is not a timestamp field.`, timeField);
  const filters = [...dataset.filters, ...(input.filters ?? [])];
  (input.filters ?? []).forEach((f, i) => checkFilter(f, need(f.field, at(`filters.${i}.field`)).type, at(`filters.${i}`)));
  const rowFields = measures.length > 0 ? [] : (input.fields ?? Object.keys(fields)).map((f, i) => (need(f, at(`fields.${i}`)), f));
  if (measures.length > 0 && input.fields) throw invalid(at(`fields`), 'not_with_measures', 'fields lists row columns; with measures, use dimensions.');
  if (measures.length === 0 && (dimensions.length > 0 || input.time?.bucket)) throw invalid(at(`measures`), 'required', 'Grouping by dimensions or a time bucket needs at least one measure.');
  const output = new Set([...(input.time?.bucket ? ['bucket'] : []), ...dimensions, ...measures.map((m) => m.as), ...rowFields]);
  const orderBy = (input.order_by ?? []).map((o, i) => {
    if (!output.has(o.field)) throw invalid(at(`order_by.${i}.field`), 'unknown_column', `order_by names a column of the result: ${[...output].join(', ')}.`, o.field);
    return { field: o.field, direction: o.direction ?? 'asc' };
  });
  const limit = input.limit ?? 100;
  if (limit > opts.maxLimit) throw invalid(at(`limit`), 'too_large', `limit is at most ${opts.maxLimit} here.`, limit);
  const window = resolveWindow(input.time, now, at(`time`));
  return { dataset, measures, dimensions, fields: rowFields, timeField, bucket: input.time?.bucket ?? null, ...window, filters, orderBy, limit };
}

function checkFilter(f: Filter, type: FieldType, at: string): void {
  const v = f.value;
  if (f.op === 'is_null' || f.op === 'not_null') {
    if (v !== undefined) throw invalid(`${at}.value`, 'not_allowed', `${f.op} takes no value.`);
    return;
  }
  if (v === undefined) throw invalid(`${at}.value`, 'required', `${f.op} needs a value.`);
  if (f.op === 'in') {
    if (!Array.isArray(v) || v.length === 0) throw invalid(`${at}.value`, 'must_be_array', 'in takes a non-empty array of values.');
    for (const item of v) checkValue(item, type, `${at}.value`);
    return;
  }
  if (Array.isArray(v)) throw invalid(`${at}.value`, 'must_be_scalar', `${f.op} takes one value.`);
  if (f.op === 'contains' && type !== 'string') throw invalid(`${at}.op`, 'not_for_type', 'contains works on string fields.');
  checkValue(v, type, `${at}.value`);
}

function checkValue(v: unknown, type: FieldType, at: string): void {
  const ok =
    type === 'number' ? typeof v === 'number'
    : type === 'boolean' ? typeof v === 'boolean'
    : type === 'timestamp' ? typeof v === 'string' && !Number.isNaN(Date.parse(v))
    : typeof v === 'string';
  if (!ok) throw invalid(at, 'invalid_type', `The value must be a ${type === 'timestamp' ? 'ISO 8601 date-time' : type}.`, typeof v === 'object' ? undefined : (v as string | number | boolean));
}

const OPS = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** Booleans are stored 0/1, timestamps as ISO text; this is the value as the column holds it. */
function stored(v: unknown, type: FieldType): unknown {
  if (type === 'boolean') return v ? 1 : 0;
  if (type === 'timestamp' && typeof v === 'string') return new Date(v).toISOString();
  return v;
}

function fromStored(v: unknown, type: FieldType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'boolean') return v === 1 || v === true || v === '1';
  if (type === 'number') return typeof v === 'number' ? v : Number(v); // PostgreSQL bigint/numeric arrive as strings
  return v;
}

export async function runResolved(db: Executor, scope: Scope, rq: ResolvedQuery, kind: BiResult['kind']): Promise<BiResult> {
  const started = Date.now();
  const source = SOURCES[rq.dataset.source];
  const col = (name: string) => sql.ref(source.fields[name]!.column);
  const type = (name: string) => source.fields[name]!.type;
  const needed = [...new Set([rq.timeField, ...rq.dimensions, ...rq.fields, ...rq.measures.flatMap((m) => (m.field ? [m.field] : []))])];
  let q = source.from(db, scope)
    .select(needed.map((n) => col(n).as(n)))
    .where(col(rq.timeField), '>=', rq.from)
    .where(col(rq.timeField), '<', rq.to);
  for (const f of rq.filters) {
    const t = type(f.field);
    if (f.op === 'is_null') q = q.where(col(f.field), 'is', null);
    else if (f.op === 'not_null') q = q.where(col(f.field), 'is not', null);
    else if (f.op === 'in') q = q.where(col(f.field), 'in', (f.value as unknown[]).map((v) => stored(v, t)));
    else if (f.op === 'contains') q = q.where(sql<boolean>`lower(${col(f.field)}) LIKE ${likePattern(String(f.value).toLowerCase())} ESCAPE '\\'`);
    else q = q.where(col(f.field), OPS[f.op], stored(f.value, t));
  }
  const rowsMode = rq.measures.length === 0;
  if (rowsMode) q = q.orderBy(col(rq.timeField), 'desc');
  const raw = (await q.limit(rowsMode ? rq.limit + 1 : MAX_SCAN + 1).execute()) as Record<string, unknown>[];
  if (!rowsMode && raw.length > MAX_SCAN) {
    throw new ApiError('validation_error', `The query matches more than ${MAX_SCAN} rows of ${rq.dataset.key}; narrow its time window or filters.`, [{ field: '(body)', error: 'too_many_rows', max_rows: MAX_SCAN }]);
  }
  const time_range = { from: rq.from, to: rq.to };
  if (rowsMode) {
    const rows = raw.slice(0, rq.limit).map((r) => Object.fromEntries(rq.fields.map((n) => [n, fromStored(r[n], type(n))])));
    sortRows(rows, rq.orderBy);
    return { kind, columns: rq.fields.map((n) => ({ key: n, type: type(n) })), rows, row_count: rows.length, truncated: raw.length > rq.limit, scanned_rows: Math.min(raw.length, rq.limit), time_range, duration_ms: Date.now() - started };
  }

  const groups = new Map<string, { key: unknown[]; rows: Record<string, unknown>[] }>();
  raw.forEach((r, i) => {
    if (i % 5000 === 0 && Date.now() - started > TIME_BUDGET_MS) {
      throw new ApiError('validation_error', `The query took longer than ${TIME_BUDGET_MS} ms; narrow its time window or filters.`, [{ field: '(body)', error: 'too_slow' }]);
    }
    const key = [...(rq.bucket ? [bucketOf(r[rq.timeField] as string | null, rq.bucket)] : []), ...rq.dimensions.map((d) => fromStored(r[d], type(d)))];
    const id = JSON.stringify(key);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, rows: [] }));
    g.rows.push(r);
  });
  // No rows and no grouping: one row of empty aggregates (count 0), as SQL would answer.
  if (groups.size === 0 && !rq.bucket && rq.dimensions.length === 0) groups.set('[]', { key: [], rows: [] });
  const keyColumns = [...(rq.bucket ? ['bucket'] : []), ...rq.dimensions];
  const rows = [...groups.values()].map((g) => {
    const row: Record<string, unknown> = {};
    keyColumns.forEach((k, i) => (row[k] = g.key[i]));
    for (const m of rq.measures) {
      const values = m.field ? g.rows.map((r) => fromStored(r[m.field!], type(m.field!))).map((v) => (typeof v === 'boolean' ? Number(v) : v)) : g.rows;
      row[m.as] = aggregate(m.agg, m.agg === 'count' && m.field ? values.filter((v) => v !== null) : values);
    }
    return row;
  });
  sortRows(rows, rq.orderBy.length > 0 ? rq.orderBy : keyColumns.map((field) => ({ field, direction: 'asc' as const })));
  const columns = [
    ...(rq.bucket ? [{ key: 'bucket', type: 'timestamp' }] : []),
    ...rq.dimensions.map((d) => ({ key: d, type: type(d) })),
    ...rq.measures.map((m) => ({ key: m.as, type: 'number' })),
  ];
  return { kind, columns, rows: rows.slice(0, rq.limit), row_count: Math.min(rows.length, rq.limit), truncated: rows.length > rq.limit, scanned_rows: raw.length, time_range, duration_ms: Date.now() - started };
}

/** Nulls last; numbers numerically, everything else as strings. */
export function sortRows(rows: Record<string, unknown>[], order: { field: string; direction: 'asc' | 'desc' }[]): void {
  if (order.length === 0) return;
  rows.sort((a, b) => {
    for (const o of order) {
      const x = a[o.field];
      const y = b[o.field];
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      if (c !== 0) return o.direction === 'desc' ? -c : c;
    }
    return 0;
  });
}
