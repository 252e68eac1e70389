import type { BiObjectsTable } from '../db/schema-data.js';
import { fieldsOf } from './query-engine.js';
import { SOURCES, type SourceKey } from './sources.js';

// One row shape (bi_objects) for five collections; each DTO reads its own `definition`.

const base = (row: BiObjectsTable) => ({
  id: row.id,
  livemode: row.mode === 'live',
  name: row.name,
  description: row.description,
  status: row.status,
  created_at: row.created_at,
  updated_at: row.updated_at,
  archived_at: row.archived_at,
});

const def = (row: BiObjectsTable) => JSON.parse(row.definition) as Record<string, any>;

export function datasetDto(row: BiObjectsTable) {
  const d = def(row) as { source: SourceKey; filters?: unknown[]; fields?: string[] | null };
  const fields = fieldsOf({ id: row.id, key: row.key!, source: d.source, filters: [], fields: d.fields ?? null });
  return {
    ...base(row),
    key: row.key!,
    kind: row.kind as 'table' | 'view',
    source: d.source,
    time_field: SOURCES[d.source].timeField,
    fields: Object.entries(fields).map(([key, f]) => ({ key, ...f })),
    filters: (d.filters ?? []) as Record<string, unknown>[],
  };
}

export function metricDto(row: BiObjectsTable) {
  const d = def(row);
  return { ...base(row), key: row.key!, dataset_id: row.dataset_id!, dataset: d.dataset as string, measure: d.measure, filters: d.filters ?? [], dimensions: d.dimensions ?? [], time: d.time ?? {} };
}

export function reportDto(row: BiObjectsTable) {
  const d = def(row);
  return { ...base(row), metric_ids: d.metric_ids ?? [], query: d.query ?? null, dimensions: d.dimensions ?? null, time: d.time ?? {}, dataset_id: row.dataset_id, dashboard_id: row.dashboard_id };
}

export function dashboardDto(row: BiObjectsTable, reportIds: string[]) {
  const d = def(row);
  return { ...base(row), layout: d.layout ?? {}, report_ids: reportIds };
}

export function artifactDto(row: BiObjectsTable) {
  const d = def(row);
  return {
    ...base(row),
    artifact_type: d.artifact_type as 'report' | 'export',
    report_id: d.report_id ?? null,
    export: d.export ?? null,
    format: d.format as 'csv' | 'json',
    every_minutes: d.every_minutes as number,
    next_run_at: row.next_run_at === null ? null : new Date(Number(row.next_run_at)).toISOString(),
    last_run_at: row.last_run_at,
    last_export_id: d.last_export_id ?? null,
  };
}
