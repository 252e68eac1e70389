import type { Static } from '@sinclair/typebox';
import type { CrmDeps } from '../crm/crm-deps.js';
import type { Executor } from '../db/database.js';
import type { BiCollection, BiObjectsTable } from '../db/schema-data.js';
import { ApiError, notFound } from '../errors.js';
import type { IdempotencyHandle } from '../http/plugins/idempotency.js';
import type { PageRequest } from '../http/pagination.js';
import { type IdPrefix, newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { artifactDto, dashboardDto, datasetDto, metricDto, reportDto } from './bi-dto.js';
import * as repo from './bi-repository.js';
import { datasetRefOf, EXPORT_LIMIT, ensureBuiltinDatasets, exactlyOne, findDataset, INTERACTIVE_LIMIT, planRun, resolveMetric } from './bi-run.js';
import type { CreateDashboardBody, CreateDatasetBody, CreateMetricBody, CreateReportBody, CreateScheduledArtifactBody, UpdateObjectBody } from './bi-schemas.js';
import { resolveQuery } from './query-engine.js';
import { SOURCES } from './sources.js';

// Saved BI objects: datasets (views over a gateway table), metrics, reports, dashboards and
// scheduled artifacts. Each is checked when saved (names against the whitelist, links to
// objects of the workspace), so a saved object always runs.

const PREFIX: Record<BiCollection, IdPrefix> = { datasets: 'ds', metrics: 'met', reports: 'rpt', dashboards: 'dash', 'scheduled-artifacts': 'sched' };

function newRow(scope: Scope, collection: BiCollection, at: Date, fields: Partial<Omit<BiObjectsTable, 'definition'>> & { name: string; definition: unknown }): BiObjectsTable {
  const iso = at.toISOString();
  return {
    id: newId(PREFIX[collection]), workspace_id: scope.workspaceId, mode: scope.mode, collection, key: null, description: null, status: 'active',
    kind: null, dataset_id: null, dashboard_id: null, next_run_at: null, last_run_at: null, archived_at: null, created_at: iso, updated_at: iso,
    ...fields, definition: JSON.stringify(fields.definition),
  };
}

export async function dtoOf(db: Executor, scope: Scope, row: BiObjectsTable) {
  switch (row.collection) {
    case 'datasets':
      return datasetDto(row);
    case 'metrics':
      return metricDto(row);
    case 'reports':
      return reportDto(row);
    case 'dashboards':
      return dashboardDto(row, (await repo.reportIdsOf(db, scope, [row.id])).get(row.id) ?? []);
    case 'scheduled-artifacts':
      return artifactDto(row);
  }
}

async function save<T>(deps: CrmDeps, scope: Scope, row: BiObjectsTable, idempotency: IdempotencyHandle | null, conflict: string): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.insertObject(trx, row))) throw new ApiError('conflict', conflict, [{ field: 'key', error: 'already_exists', received: row.key }]);
    const dto = (await dtoOf(trx, scope, row)) as T;
    await idempotency?.saveInTx(trx, 201, dto);
    return dto;
  });
}

export async function createDataset(deps: CrmDeps, scope: Scope, input: Static<typeof CreateDatasetBody>, idem: IdempotencyHandle | null) {
  const at = deps.clock.now();
  await ensureBuiltinDatasets(deps.db, scope, at);
  const source = SOURCES[input.source];
  (input.fields ?? []).forEach((f, i) => {
    if (!(f in source.fields)) throw new ApiError('validation_error', `${f} is not a field of ${input.source}.`, [{ field: `fields.${i}`, error: 'unknown_field', received: f }]);
  });
  if (input.fields && !input.fields.includes(source.timeField)) {
    throw new ApiError('validation_error', `A view keeps its source's time field (${source.timeField}).`, [{ field: 'fields', error: 'time_field_required' }]);
  }
  // The view's own filters are checked as a query over the source would check them.
  resolveQuery({ dataset: input.key, filters: input.filters, measures: [{ agg: 'count' }] }, { id: null, key: input.key, source: input.source, filters: [], fields: null }, at, { path: '', maxLimit: INTERACTIVE_LIMIT });
  const row = newRow(scope, 'datasets', at, {
    key: input.key, name: input.name, description: input.description ?? null, status: input.status ?? 'active', kind: 'view',
    definition: { source: input.source, filters: input.filters ?? [], fields: input.fields ?? null },
  });
  return save(deps, scope, row, idem, `A dataset with key ${input.key} already exists.`);
}

export async function createMetric(deps: CrmDeps, scope: Scope, input: Static<typeof CreateMetricBody>, idem: IdempotencyHandle | null) {
  const at = deps.clock.now();
  const ds = await findDataset(deps.db, scope, input.dataset, 'dataset', at);
  const key = input.key ?? input.measure.as ?? (input.measure.field ? `${input.measure.agg}_${input.measure.field}` : input.measure.agg);
  const definition = { dataset: ds.key, measure: { agg: input.measure.agg, ...(input.measure.field ? { field: input.measure.field } : {}) }, filters: input.filters ?? [], dimensions: input.dimensions ?? [], time: input.time ?? {} };
  resolveQuery({ dataset: ds.key!, measures: [{ ...definition.measure, as: key }], filters: definition.filters, dimensions: definition.dimensions, time: definition.time }, datasetRefOf(ds), at, { path: '', maxLimit: INTERACTIVE_LIMIT });
  const row = newRow(scope, 'metrics', at, { key, name: input.name, description: input.description ?? null, status: input.status ?? 'active', dataset_id: ds.id, definition });
  return save(deps, scope, row, idem, 'conflict');
}

export async function createReport(deps: CrmDeps, scope: Scope, input: Static<typeof CreateReportBody>, idem: IdempotencyHandle | null) {
  const at = deps.clock.now();
  if ((input.metric_ids === undefined) === (input.query === undefined)) {
    throw new ApiError('validation_error', 'A report holds either metric_ids or a query.', [{ field: 'metric_ids', error: input.query ? 'not_with_query' : 'required' }]);
  }
  if (input.dashboard_id && !(await repo.findObject(deps.db, scope, 'dashboards', input.dashboard_id))) {
    throw new ApiError('not_found', 'No such dashboard.', [{ field: 'dashboard_id', error: 'not_found', received: input.dashboard_id }]);
  }
  let datasetId: string | null = null;
  if (input.query) {
    const ds = await findDataset(deps.db, scope, input.query.dataset, 'query.dataset', at);
    resolveQuery(input.query, datasetRefOf(ds), at, { path: 'query', maxLimit: INTERACTIVE_LIMIT });
    datasetId = ds.id;
  } else {
    const datasets = new Set<string>();
    for (const [i, id] of input.metric_ids!.entries()) {
      const metric = await repo.findObject(deps.db, scope, 'metrics', id);
      if (!metric) throw new ApiError('not_found', 'No such metric.', [{ field: `metric_ids.${i}`, error: 'not_found', received: id }]);
      await resolveMetric(deps.db, scope, metric, { time: input.time, dimensions: input.dimensions ?? null }, at, `metric_ids.${i}`, INTERACTIVE_LIMIT);
      datasets.add(metric.dataset_id!);
    }
    if (datasets.size === 1) datasetId = [...datasets][0]!;
  }
  const row = newRow(scope, 'reports', at, {
    name: input.name, description: input.description ?? null, status: input.status ?? 'active', dataset_id: datasetId, dashboard_id: input.dashboard_id ?? null,
    definition: { metric_ids: input.metric_ids ?? [], query: input.query ?? null, dimensions: input.dimensions ?? null, time: input.time ?? {} },
  });
  return save(deps, scope, row, idem, 'conflict');
}

export async function createDashboard(deps: CrmDeps, scope: Scope, input: Static<typeof CreateDashboardBody>, idem: IdempotencyHandle | null) {
  const layout = input.layout ?? {};
  if (JSON.stringify(layout).length > 20_000) throw new ApiError('validation_error', 'layout may be at most 20,000 characters of JSON.', [{ field: 'layout', error: 'too_long' }]);
  const row = newRow(scope, 'dashboards', deps.clock.now(), { name: input.name, description: input.description ?? null, status: input.status ?? 'active', definition: { layout } });
  return save(deps, scope, row, idem, 'conflict');
}

export async function createScheduledArtifact(deps: CrmDeps, scope: Scope, input: Static<typeof CreateScheduledArtifactBody>, idem: IdempotencyHandle | null) {
  const at = deps.clock.now();
  let exportSource: Record<string, unknown> | null = null;
  if (input.artifact_type === 'report') {
    if (!input.report_id || input.export) throw new ApiError('validation_error', 'A `report` artifact takes report_id (and no export).', [{ field: 'report_id', error: 'required' }]);
    await planRun(deps.db, scope, { report_id: input.report_id }, at, EXPORT_LIMIT, '');
  } else {
    if (!input.export || input.report_id) throw new ApiError('validation_error', 'An `export` artifact takes export (and no report_id).', [{ field: 'export', error: 'required' }]);
    exactlyOne(input.export, 'export');
    await planRun(deps.db, scope, input.export, at, EXPORT_LIMIT, 'export');
    exportSource = input.export as Record<string, unknown>;
  }
  const first = input.first_run_at ? new Date(input.first_run_at) : new Date(at.getTime() + input.every_minutes * 60_000);
  const row = newRow(scope, 'scheduled-artifacts', at, {
    name: input.name, description: input.description ?? null, status: input.status ?? 'active', next_run_at: first.getTime(),
    definition: { artifact_type: input.artifact_type, report_id: input.report_id ?? null, export: exportSource, format: input.format ?? 'csv', every_minutes: input.every_minutes, last_export_id: null },
  });
  return save(deps, scope, row, idem, 'conflict');
}

export async function listObjects(deps: CrmDeps, scope: Scope, collection: BiCollection, page: PageRequest, filter: repo.ObjectFilter) {
  if (collection === 'datasets') await ensureBuiltinDatasets(deps.db, scope, deps.clock.now());
  const rows = await repo.listObjects(deps.db, scope, collection, page, filter);
  if (collection === 'dashboards') {
    const reports = await repo.reportIdsOf(deps.db, scope, rows.map((r) => r.id));
    return rows.map((r) => ({ ...dashboardDto(r, reports.get(r.id) ?? []), id: r.id }));
  }
  return Promise.all(rows.map(async (r) => ({ ...(await dtoOf(deps.db, scope, r)), id: r.id })));
}

export async function getObject(deps: CrmDeps, scope: Scope, collection: BiCollection, id: string) {
  if (collection === 'datasets') await ensureBuiltinDatasets(deps.db, scope, deps.clock.now());
  const row = await repo.findObject(deps.db, scope, collection, id);
  if (!row) throw notFound(collection.replace(/s$/, '').replace('-', ' '));
  return dtoOf(deps.db, scope, row);
}

export async function updateObject(deps: CrmDeps, scope: Scope, collection: BiCollection, id: string, input: Static<typeof UpdateObjectBody>) {
  const row = await repo.findObject(deps.db, scope, collection, id);
  if (!row) throw notFound(collection.replace(/s$/, '').replace('-', ' '));
  if (row.status === 'archived') throw new ApiError('conflict', 'Archived objects are kept as they were; create a new one.');
  const changes: Partial<BiObjectsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.status !== undefined) changes.status = input.status;
  await repo.updateObject(deps.db, scope, id, changes);
  return dtoOf(deps.db, scope, { ...row, ...changes });
}

/** Idempotent; a built-in dataset cannot be archived; an archived schedule stops running. */
export async function archiveObject(deps: CrmDeps, scope: Scope, collection: BiCollection, id: string) {
  const row = await repo.findObject(deps.db, scope, collection, id);
  if (!row) throw notFound(collection.replace(/s$/, '').replace('-', ' '));
  if (row.status === 'archived') return dtoOf(deps.db, scope, row);
  if (row.kind === 'table') throw new ApiError('conflict', 'The gateway\'s own datasets cannot be archived.');
  const iso = deps.clock.now().toISOString();
  const changes: Partial<BiObjectsTable> = { status: 'archived', archived_at: iso, updated_at: iso, ...(collection === 'scheduled-artifacts' ? { next_run_at: null } : {}) };
  await repo.updateObject(deps.db, scope, id, changes);
  return dtoOf(deps.db, scope, { ...row, ...changes });
}
