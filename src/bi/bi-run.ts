import type { Executor } from '../db/database.js';
import type { BiObjectsTable } from '../db/schema-data.js';
import { ApiError } from '../errors.js';
import { isId, newId } from '../ids.js';
import type { Scope } from '../scope.js';
import * as repo from './bi-repository.js';
import { type DatasetRef, type ResolvedQuery, resolveQuery, resolveWindow, runResolved, sortRows } from './query-engine.js';
import type { BiQueryInput, BiResult, RunWindowInput } from './query-schema.js';
import { SOURCE_KEYS, SOURCES, type SourceKey } from './sources.js';

// What can be run (POST /v1/bi/queries/run, exports, schedules): a dataset query, a saved metric
// or a saved report. A report puts its metrics side by side, joined on the time bucket and
// dimensions, so metrics over different datasets (calls per day from `calls`, p95
// first_audio_ms from `call_turns`) make one table.

export interface RunSource {
  query?: BiQueryInput;
  metric_id?: string;
  report_id?: string;
  time?: RunWindowInput;
}

export const INTERACTIVE_LIMIT = 1000;
export const EXPORT_LIMIT = 10_000;

/** The gateway's tables as datasets of kind `table`, made once per workspace and mode. */
export async function ensureBuiltinDatasets(db: Executor, scope: Scope, at: Date): Promise<void> {
  const have = await db.selectFrom('bi_objects').select('key').where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode)
    .where('collection', '=', 'datasets').where('kind', '=', 'table').execute();
  const missing = SOURCE_KEYS.filter((k) => !have.some((h) => h.key === k));
  const iso = at.toISOString();
  for (const key of missing) {
    await repo.insertObject(db, {
      id: newId('ds'), workspace_id: scope.workspaceId, mode: scope.mode, collection: 'datasets', key, name: SOURCES[key].name,
      description: SOURCES[key].description, status: 'active', kind: 'table', dataset_id: null, dashboard_id: null,
      definition: JSON.stringify({ source: key }), next_run_at: null, last_run_at: null, archived_at: null, created_at: iso, updated_at: iso,
    });
  }
}

export function datasetRefOf(row: BiObjectsTable): DatasetRef {
  const d = JSON.parse(row.definition) as { source: SourceKey; filters?: DatasetRef['filters']; fields?: string[] };
  return { id: row.id, key: row.key!, source: d.source, filters: d.filters ?? [], fields: d.fields ?? null };
}

/** A dataset by key or `ds_` id (404 naming the field; 409 when archived). */
export async function findDataset(db: Executor, scope: Scope, keyOrId: string, field: string, at: Date): Promise<BiObjectsTable> {
  await ensureBuiltinDatasets(db, scope, at);
  const row = isId('ds', keyOrId) ? await repo.findObject(db, scope, 'datasets', keyOrId) : await repo.findDatasetByKey(db, scope, keyOrId);
  if (!row) throw new ApiError('not_found', `No dataset ${keyOrId} in this workspace (GET /v1/bi/datasets lists them).`, [{ field, error: 'not_found', received: keyOrId }]);
  if (row.status === 'archived') throw new ApiError('conflict', `Dataset ${keyOrId} is archived.`, [{ field, error: 'archived' }]);
  return row;
}

async function activeObject(db: Executor, scope: Scope, collection: 'metrics' | 'reports', id: string, field: string): Promise<BiObjectsTable> {
  const row = await repo.findObject(db, scope, collection, id);
  if (!row) throw new ApiError('not_found', `No such ${collection.slice(0, -1)}.`, [{ field, error: 'not_found', received: id }]);
  if (row.status === 'archived') throw new ApiError('conflict', `This ${collection.slice(0, -1)} is archived.`, [{ field, error: 'archived' }]);
  return row;
}

export async function resolveDatasetQuery(db: Executor, scope: Scope, query: BiQueryInput, now: Date, path: string, maxLimit: number): Promise<ResolvedQuery> {
  const ds = await findDataset(db, scope, query.dataset, `${path}.dataset`, now);
  return resolveQuery(query, datasetRefOf(ds), now, { path, maxLimit });
}

/** A saved metric as a query: its measure under its key, its filters, dimensions and bucket, within `time`. */
export async function resolveMetric(db: Executor, scope: Scope, metric: BiObjectsTable, over: { time?: RunWindowInput & { field?: string }; dimensions?: string[] | null }, now: Date, path: string, maxLimit: number): Promise<ResolvedQuery> {
  const d = JSON.parse(metric.definition) as { dataset: string; measure: NonNullable<BiQueryInput['measures']>[number]; filters?: BiQueryInput['filters']; dimensions?: string[]; time?: { field?: string; bucket?: string } };
  const ds = await repo.findObject(db, scope, 'datasets', metric.dataset_id!);
  if (!ds || ds.status === 'archived') throw new ApiError('conflict', `The dataset of metric ${metric.id} is archived or gone.`, [{ field: path, error: 'dataset_unavailable' }]);
  const bucket = over.time?.bucket ?? d.time?.bucket;
  const query: BiQueryInput = {
    dataset: ds.key!,
    measures: [{ ...d.measure, as: metric.key! }],
    dimensions: over.dimensions ?? d.dimensions ?? [],
    filters: d.filters ?? [],
    time: { ...(d.time?.field ? { field: d.time.field } : {}), ...(bucket ? { bucket: bucket as 'day' } : {}), ...pickWindow(over.time) },
    limit: maxLimit,
  };
  return resolveQuery(query, datasetRefOf(ds), now, { path, maxLimit });
}

const pickWindow = (t: RunWindowInput | undefined) => ({
  ...(t?.from ? { from: t.from } : {}),
  ...(t?.to ? { to: t.to } : {}),
  ...(t?.last_days ? { last_days: t.last_days } : {}),
});

export function exactlyOne(src: RunSource, path = ''): 'query' | 'metric_id' | 'report_id' {
  const given = (['query', 'metric_id', 'report_id'] as const).filter((k) => src[k] !== undefined);
  if (given.length !== 1) {
    throw new ApiError('validation_error', 'Give exactly one of query, metric_id and report_id.', [{ field: path || '(body)', error: given.length === 0 ? 'required' : 'too_many', received: given.join(',') || undefined }]);
  }
  return given[0]!;
}

/** Checks everything a run needs (names, windows, saved objects) without reading data; the plan runs later. */
export async function planRun(db: Executor, scope: Scope, src: RunSource, now: Date, maxLimit: number, path = ''): Promise<() => Promise<BiResult>> {
  const at = (f: string) => (path ? `${path}.${f}` : f);
  const which = exactlyOne(src, path);
  if (which === 'query') {
    if (src.time) throw new ApiError('validation_error', 'With a query, give its window in query.time.', [{ field: at('time'), error: 'not_with_query' }]);
    const rq = await resolveDatasetQuery(db, scope, src.query!, now, at('query'), maxLimit);
    return () => runResolved(db, scope, rq, 'query');
  }
  if (which === 'metric_id') {
    const metric = await activeObject(db, scope, 'metrics', src.metric_id!, at('metric_id'));
    const rq = await resolveMetric(db, scope, metric, { time: src.time }, now, at('metric_id'), maxLimit);
    return () => runResolved(db, scope, rq, 'metric');
  }
  const report = await activeObject(db, scope, 'reports', src.report_id!, at('report_id'));
  const d = JSON.parse(report.definition) as { metric_ids?: string[]; query?: BiQueryInput; dimensions?: string[]; time?: RunWindowInput & { field?: string } };
  if (d.query) {
    const query = { ...d.query, time: { ...d.query.time, ...pickWindow(src.time), ...(src.time?.bucket ? { bucket: src.time.bucket } : {}) }, limit: Math.min(d.query.limit ?? maxLimit, maxLimit) };
    const rq = await resolveDatasetQuery(db, scope, query, now, at('report_id'), maxLimit);
    return async () => ({ ...(await runResolved(db, scope, rq, 'report')) });
  }
  const time = { ...d.time, ...pickWindow(src.time), ...(src.time?.bucket ? { bucket: src.time.bucket } : {}) };
  const plans: ResolvedQuery[] = [];
  for (const id of d.metric_ids ?? []) {
    const metric = await activeObject(db, scope, 'metrics', id, at('report_id'));
    plans.push(await resolveMetric(db, scope, metric, { time, dimensions: d.dimensions ?? null }, now, at('report_id'), maxLimit));
  }
  return () => mergeReport(db, scope, plans, maxLimit);
}

/** Runs each metric, then joins their rows on the shared key columns (bucket, dimensions). */
async function mergeReport(db: Executor, scope: Scope, plans: ResolvedQuery[], maxLimit: number): Promise<BiResult> {
  const started = Date.now();
  const results: BiResult[] = [];
  for (const p of plans) results.push(await runResolved(db, scope, p, 'report'));
  const keyCols = [...new Set(results.flatMap((r) => r.columns.filter((c) => !plans.some((p) => p.measures.some((m) => m.as === c.key))).map((c) => c.key)))];
  const measures = plans.flatMap((p) => p.measures);
  const merged = new Map<string, Record<string, unknown>>();
  for (const r of results) {
    for (const row of r.rows) {
      const id = JSON.stringify(keyCols.map((k) => row[k] ?? null));
      const into = merged.get(id) ?? Object.fromEntries(keyCols.map((k) => [k, row[k] ?? null]));
      merged.set(id, { ...into, ...row });
    }
  }
  const rows = [...merged.values()].map((row) => {
    for (const m of measures) if (!(m.as in row)) row[m.as] = m.agg === 'count' || m.agg === 'count_distinct' || m.agg === 'sum' ? 0 : null;
    return row;
  });
  sortRows(rows, keyCols.map((field) => ({ field, direction: 'asc' as const })));
  const columns = [
    ...keyCols.map((k) => results.flatMap((r) => r.columns).find((c) => c.key === k)!),
    ...measures.map((m) => ({ key: m.as, type: 'number' })),
  ];
  const window = plans[0] ? { from: plans[0].from, to: plans[0].to } : resolveWindow(undefined, new Date(), 'time');
  return {
    kind: 'report', columns, rows: rows.slice(0, maxLimit), row_count: Math.min(rows.length, maxLimit),
    truncated: rows.length > maxLimit || results.some((r) => r.truncated), scanned_rows: results.reduce((a, r) => a + r.scanned_rows, 0),
    time_range: window, duration_ms: Date.now() - started,
  };
}
