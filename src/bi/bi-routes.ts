import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { assetDepsOf } from '../assets/asset-routes.js';
import type { CrmDeps } from '../crm/crm-deps.js';
import type { Db } from '../db/database.js';
import type { BiCollection } from '../db/schema-data.js';
import { List, One } from '../http/envelope.js';
import { authOf } from '../http/plugins/auth.js';
import { PageQuery, pageRequest, toPage } from '../http/pagination.js';
import { StringEnum } from '../support/support-schemas.js';
import { BiJobs } from './bi-jobs.js';
import * as objects from './bi-objects-service.js';
import { INTERACTIVE_LIMIT, planRun } from './bi-run.js';
import {
  AnyBiObject, CreateDashboardBody, CreateDatasetBody, CreateExportBody, CreateMetricBody, CreateReportBody, CreateScheduledArtifactBody,
  DashboardSchema, DatasetSchema, ExportSchema, ListQueryFields, MetricSchema, ObjectParams, ReportSchema, RunQueryBody, ScheduledArtifactSchema, UpdateObjectBody,
} from './bi-schemas.js';
import { ResultSchema } from './query-schema.js';

// /v1/bi (seed 003 "Product Analytics and BI"): saved objects, queries/run, exports and
// scheduled artifacts, and the generic PATCH/archive of /v1/bi/{collection}/{id}.

const tags = ['bi'];
const jobsByDb = new WeakMap<Db, BiJobs>();
/** The export and schedule worker of the app on this database (tests drive schedules with it). */
export const biJobsOf = (db: Db): BiJobs | undefined => jobsByDb.get(db);

type Create = (deps: CrmDeps, scope: ReturnType<typeof authOf>['scope'], body: any, idem: any) => Promise<unknown>;

export async function biRoutes(app: FastifyInstance, deps: CrmDeps): Promise<void> {
  const jobs = new BiJobs(assetDepsOf(deps));
  jobsByDb.set(deps.db, jobs);
  app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());

  const collection = (
    path: BiCollection,
    what: string,
    schema: TSchema,
    body: TSchema,
    create: Create,
    description: string,
    filters: Record<string, TSchema> = {},
  ) => {
    const ListQuery = Type.Object({ ...PageQuery, ...ListQueryFields, ...filters });
    app.get<{ Querystring: Static<typeof ListQuery> }>(
      `/bi/${path}`,
      { config: { scope: 'bi:read' }, schema: { tags, summary: `List BI ${what}s, newest first`, querystring: ListQuery, response: { 200: List(schema) } } },
      async (request) => {
        const page = pageRequest(request.query);
        const { limit: _l, cursor: _c, ...filter } = request.query as Record<string, string>;
        const { items, nextCursor } = toPage(await objects.listObjects(deps, authOf(request).scope, path, page, filter), page.limit);
        return { data: items, next_cursor: nextCursor, request_id: request.id };
      },
    );
    app.post<{ Body: unknown }>(
      `/bi/${path}`,
      { config: { scope: 'bi:write' }, schema: { tags, summary: `Create a BI ${what}`, description, body, response: { 201: One(schema) } } },
      async (request, reply) => reply.code(201).send({ data: await create(deps, authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
    );
  };

  collection('datasets', 'dataset', DatasetSchema, CreateDatasetBody, objects.createDataset,
    'A view over one of the gateway\'s tables: its own filters (always applied) and optionally a subset of its fields. The tables themselves (`calls`, `call_turns`, `sms`, `ledger`, `numbers`, `contacts`, `tickets`, `deals`) are listed as datasets of kind `table`.',
    { kind: Type.Optional(StringEnum(['mock', 'table', 'view', 'semantic'] as const)) });
  collection('metrics', 'metric', MetricSchema, CreateMetricBody, objects.createMetric,
    'An aggregation (`count`, `count_distinct`, `sum`, `avg`, `min`, `max`, `p50`, `p95`) of a dataset field, with filters, and a time bucket or dimensions.',
    { dataset_id: Type.Optional(Type.String({ maxLength: 100 })) });
  collection('reports', 'report', ReportSchema, CreateReportBody, objects.createReport,
    'Saved metrics side by side (joined on time bucket and dimensions), or one saved query.',
    { dashboard_id: Type.Optional(Type.String({ maxLength: 100 })), dataset_id: Type.Optional(Type.String({ maxLength: 100 })) });
  collection('dashboards', 'dashboard', DashboardSchema, CreateDashboardBody, objects.createDashboard,
    'A named set of reports (reports created with its `dashboard_id`) and a layout of yours.');
  collection('scheduled-artifacts', 'scheduled artifact', ScheduledArtifactSchema, CreateScheduledArtifactBody, objects.createScheduledArtifact,
    'Runs a report or an export every `every_minutes`; each run is an export (CSV or JSON file) and emits `bi.scheduled_artifact.completed` when done.');

  app.post<{ Body: Static<typeof RunQueryBody> }>(
    '/bi/queries/run',
    {
      config: { scope: 'bi:write' },
      schema: {
        tags,
        summary: 'Run a BI query, metric or report',
        description: 'A dataset `query` in the JSON query language (never SQL: only the dataset\'s fields), a saved `metric_id` or `report_id` (with an optional `time` window). Scoped to the key\'s workspace and mode; the last 30 days unless a window is given (at most 366 days); at most 100,000 source rows read and 1,000 rows returned; percentiles computed with linear interpolation.',
        body: RunQueryBody,
        response: { 200: One(ResultSchema) },
      },
    },
    async (request) => {
      const plan = await planRun(deps.db, authOf(request).scope, request.body, deps.clock.now(), INTERACTIVE_LIMIT);
      return { data: await plan(), request_id: request.id };
    },
  );

  const ExportsQuery = Type.Object({ ...PageQuery, status: Type.Optional(StringEnum(['pending', 'running', 'succeeded', 'failed'] as const)) });
  app.get<{ Querystring: Static<typeof ExportsQuery> }>(
    '/bi/exports',
    { config: { scope: 'bi:read' }, schema: { tags, summary: 'List BI exports, newest first', querystring: ExportsQuery, response: { 200: List(ExportSchema) } } },
    async (request) => {
      const page = pageRequest(request.query);
      const { items, nextCursor } = toPage(await jobs.listExports(authOf(request).scope, page, request.query), page.limit);
      return { data: items, next_cursor: nextCursor, request_id: request.id };
    },
  );
  app.post<{ Body: Static<typeof CreateExportBody> }>(
    '/bi/exports',
    {
      config: { scope: 'bi:write' },
      schema: {
        tags,
        summary: 'Create a BI export',
        description: 'Checks the query, metric or report now (4xx), then produces the CSV or JSON file in the background (up to 10,000 rows): 202 with `status: pending`; poll GET /v1/bi/exports/{id} for `succeeded` and a signed `download_url`. Emits `bi.export.completed` or `bi.export.failed`.',
        body: CreateExportBody,
        response: { 202: One(ExportSchema) },
      },
    },
    async (request, reply) => reply.code(202).send({ data: await jobs.createExport(authOf(request).scope, request.body, request.idempotency), request_id: request.id }),
  );
  const ExportParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'An `exp_` id.' }) });
  app.get<{ Params: Static<typeof ExportParams> }>(
    '/bi/exports/:id',
    { config: { scope: 'bi:read' }, schema: { tags, summary: 'Get a BI export and its download link', params: ExportParams, response: { 200: One(ExportSchema) } } },
    async (request) => ({ data: await jobs.getExport(authOf(request).scope, request.params.id), request_id: request.id }),
  );

  type OP = { Params: Static<typeof ObjectParams> };
  app.get<OP>(
    '/bi/:collection/:id',
    { config: { scope: 'bi:read' }, schema: { tags, summary: 'Get a BI object', params: ObjectParams, response: { 200: One(AnyBiObject) } } },
    async (request) => ({ data: await objects.getObject(deps, authOf(request).scope, request.params.collection, request.params.id), request_id: request.id }),
  );
  app.patch<OP & { Body: Static<typeof UpdateObjectBody> }>(
    '/bi/:collection/:id',
    {
      config: { scope: 'bi:write' },
      schema: { tags, summary: 'Update BI object metadata', description: '`name`, `description` and `status` (`draft`/`active`); what an object computes is fixed once saved.', params: ObjectParams, body: UpdateObjectBody, response: { 200: One(AnyBiObject) } },
    },
    async (request) => ({ data: await objects.updateObject(deps, authOf(request).scope, request.params.collection, request.params.id, request.body), request_id: request.id }),
  );
  app.delete<OP>(
    '/bi/:collection/:id',
    {
      config: { scope: 'bi:write' },
      schema: { tags, summary: 'Archive a BI object', description: 'Idempotent. Kept, no longer run: an archived metric or report is refused by queries/run (409), an archived schedule stops. The built-in datasets cannot be archived.', params: ObjectParams, response: { 200: One(AnyBiObject) } },
    },
    async (request) => ({ data: await objects.archiveObject(deps, authOf(request).scope, request.params.collection, request.params.id), request_id: request.id }),
  );
}
