import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biJobsOf } from '../../src/bi/bi-routes.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';

// BI over CRM, support, SMS and ledger data made through the API: datasets and views, the query
// language's checks and bounds, saved objects' PATCH/archive, JSON exports and schedules.

let h: Harness;
let api: Api;

beforeAll(async () => {
  h = await createHarness({ env: { PUBLIC_URL: 'https://gw.example.com' } });
  api = h.api(await h.key({ workspace: 'acme' }));
  await fund(api, 5000);
  for (const [name, company] of [['Ann', 'Acme'], ['Bob', 'Acme'], ['Cy', 'Globex']]) expectOk(await api.post('/v1/contacts', { name, company_name: company }), 201);
  for (const [subject, priority] of [['A', 'urgent'], ['B', 'low'], ['C', 'urgent']]) expectOk(await api.post('/v1/support/tickets', { subject, priority }), 201);
  for (const amount of [1000, 5000, 12000]) expectOk(await api.post('/v1/deals', { name: `Deal ${amount}`, amount_cents: amount }), 201);
});
afterAll(async () => h.close());

const run = async (body: unknown) => api.post('/v1/bi/queries/run', body);

describe('datasets', () => {
  it('lists the gateway\'s tables as datasets with their fields; a view adds filters and a field subset', async () => {
    const list = expectOk(await api.get('/v1/bi/datasets?kind=table&limit=100')).data;
    expect(list.map((d: any) => d.key).sort()).toEqual(['call_turns', 'calls', 'contacts', 'deals', 'ledger', 'numbers', 'sms', 'tickets']);
    const turns = list.find((d: any) => d.key === 'call_turns');
    expect(turns.fields).toContainEqual(expect.objectContaining({ key: 'first_audio_ms', type: 'number' }));
    expect(turns.time_field).toBe('started_at');

    const view = expectOk(await api.post('/v1/bi/datasets', { key: 'urgent_tickets', name: 'Urgent tickets', source: 'tickets', filters: [{ field: 'priority', op: 'eq', value: 'urgent' }], fields: ['id', 'status', 'created_at'] }), 201).data;
    expect(view).toMatchObject({ kind: 'view', source: 'tickets', key: 'urgent_tickets' });
    expect(view.id).toMatch(/^ds_/);
    expect(view.fields.map((f: any) => f.key)).toEqual(['id', 'status', 'created_at']);
    expect((await api.post('/v1/bi/datasets', { key: 'urgent_tickets', name: 'Again', source: 'tickets' })).status).toBe(409);
    const bad = await api.post('/v1/bi/datasets', { key: 'x', name: 'X', source: 'tickets', filters: [{ field: 'secret', op: 'eq', value: 1 }] });
    expect(bad.status).toBe(422);

    const counted = expectOk(await run({ query: { dataset: 'urgent_tickets', measures: [{ agg: 'count' }] } })).data;
    expect(counted.rows).toEqual([{ count: 2 }]);
    // The view's subset is all a query may use.
    const hidden = await run({ query: { dataset: view.id, measures: [{ agg: 'count' }], dimensions: ['priority'] } });
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details[0]).toMatchObject({ field: 'query.dimensions.0', error: 'unknown_field', received: 'priority' });
  });
});

describe('queries', () => {
  it('aggregates with dimensions and filters over CRM data, and returns rows without measures', async () => {
    const byCompany = expectOk(await run({ query: { dataset: 'contacts', measures: [{ agg: 'count', as: 'people' }], dimensions: ['company_name'], order_by: [{ field: 'people', direction: 'desc' }] } })).data;
    expect(byCompany.rows).toEqual([{ company_name: 'Acme', people: 2 }, { company_name: 'Globex', people: 1 }]);
    const deals = expectOk(await run({ query: { dataset: 'deals', measures: [{ agg: 'sum', field: 'amount_cents' }, { agg: 'avg', field: 'amount_cents' }, { agg: 'p50', field: 'amount_cents' }, { agg: 'max', field: 'amount_cents' }], filters: [{ field: 'amount_cents', op: 'gte', value: 5000 }] } })).data;
    expect(deals.rows).toEqual([{ sum_amount_cents: 17000, avg_amount_cents: 8500, p50_amount_cents: 8500, max_amount_cents: 12000 }]);
    const ledger = expectOk(await run({ query: { dataset: 'ledger', measures: [{ agg: 'sum', field: 'amount_cents' }], dimensions: ['kind'] } })).data;
    expect(ledger.rows).toEqual([{ kind: 'purchase', sum_amount_cents: 5000 }]);
    const rows = expectOk(await run({ query: { dataset: 'tickets', fields: ['id', 'priority'], filters: [{ field: 'priority', op: 'in', value: ['low'] }] } })).data;
    expect(rows.columns).toEqual([{ key: 'id', type: 'string' }, { key: 'priority', type: 'string' }]);
    expect(rows.rows).toEqual([{ id: expect.stringMatching(/^ticket_/), priority: 'low' }]);
    const contains = expectOk(await run({ query: { dataset: 'contacts', measures: [{ agg: 'count' }], filters: [{ field: 'company_name', op: 'contains', value: 'glob' }] } })).data;
    expect(contains.rows).toEqual([{ count: 1 }]);
  });

  it('refuses what is not in the language, not in the dataset, or out of bounds, with the field', async () => {
    const cases: [unknown, string, string][] = [
      [{ query: { dataset: 'calls', measures: [{ agg: 'p95', field: 'workspace_id' }] } }, 'query.measures.0.field', 'unknown_field'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'avg', field: 'status' }] } }, 'query.measures.0.field', 'not_numeric'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'sum' }] } }, 'query.measures.0.field', 'required'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'count' }], filters: [{ field: 'cost_cents', op: 'gt', value: 'x' }] } }, 'query.filters.0.value', 'invalid_type'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'count' }], time: { from: '2025-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' } } }, 'query.time.from', 'window_too_large'],
      [{ query: { dataset: 'calls', dimensions: ['status'] } }, 'query.measures', 'required'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'count' }], order_by: [{ field: 'status' }] } }, 'query.order_by.0.field', 'unknown_column'],
      [{ query: { dataset: 'calls', measures: [{ agg: 'count' }], time: { field: 'status' } } }, 'query.time.field', 'not_timestamp'],
      [{}, '(body)', 'required'],
    ];
    for (const [body, field, error] of cases) {
      const res = await run(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details[0], JSON.stringify(body)).toMatchObject({ field, error });
    }
    expect((await run({ query: { dataset: 'users; DROP TABLE calls', measures: [{ agg: 'count' }] } })).status).toBe(404);
    expect((await run({ query: { dataset: 'calls', measures: [{ agg: 'median', field: 'cost_cents' }] } })).status).toBe(422);
    expect((await run({ sql: 'SELECT 1' })).status).toBe(422);
  });

  it('runs saved metrics with a window override; archived ones are refused; PATCH changes metadata only', async () => {
    const metric = expectOk(await api.post('/v1/bi/metrics', { name: 'Tickets by priority', dataset: 'tickets', measure: { agg: 'count' }, dimensions: ['priority'] }), 201).data;
    expect(metric).toMatchObject({ key: 'count', dataset: 'tickets', status: 'active' });
    const r = expectOk(await run({ metric_id: metric.id, time: { last_days: 7 } })).data;
    expect(r.kind).toBe('metric');
    expect(r.rows).toEqual([{ priority: 'low', count: 1 }, { priority: 'urgent', count: 2 }]);
    const future = expectOk(await run({ metric_id: metric.id, time: { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' } })).data;
    expect(future.rows).toEqual([]);

    const patched = expectOk(await api.patch(`/v1/bi/metrics/${metric.id}`, { name: 'Tickets per priority', status: 'draft' })).data;
    expect(patched).toMatchObject({ name: 'Tickets per priority', status: 'draft', measure: { agg: 'count' } });
    expect((await api.patch(`/v1/bi/metrics/${metric.id}`, { measure: { agg: 'sum' } })).status).toBe(422);
    expect(expectOk(await api.get(`/v1/bi/metrics/${metric.id}`)).data.name).toBe('Tickets per priority');
    expect(expectOk(await api.get(`/v1/bi/metrics?dataset_id=${metric.dataset_id}`)).data.map((m: any) => m.id)).toEqual([metric.id]);
    const archived = expectOk(await api.delete(`/v1/bi/metrics/${metric.id}`)).data;
    expect(archived).toMatchObject({ status: 'archived', archived_at: expect.any(String) });
    expect((await run({ metric_id: metric.id })).status).toBe(409);
    expect((await api.patch(`/v1/bi/metrics/${metric.id}`, { name: 'x' })).status).toBe(409);
    expect(expectOk(await api.get('/v1/bi/metrics?status=archived')).data.map((m: any) => m.id)).toEqual([metric.id]);
    // The built-in datasets stay; another collection's id is not found under this one.
    const calls = expectOk(await api.get('/v1/bi/datasets?kind=table&limit=100')).data.find((d: any) => d.key === 'calls');
    expect((await api.delete(`/v1/bi/datasets/${calls.id}`)).status).toBe(409);
    expect((await api.get(`/v1/bi/reports/${metric.id}`)).status).toBe(404);
    expect((await api.get(`/v1/bi/widgets/${metric.id}`)).status).toBe(400);
  });

  it('dashboards list the reports made for them', async () => {
    const dash = expectOk(await api.post('/v1/bi/dashboards', { name: 'Support', layout: { columns: 2 } }), 201).data;
    expect(dash).toMatchObject({ report_ids: [], layout: { columns: 2 } });
    const report = expectOk(await api.post('/v1/bi/reports', { name: 'Open tickets', dashboard_id: dash.id, query: { dataset: 'tickets', measures: [{ agg: 'count' }], dimensions: ['status'] } }), 201).data;
    expect(report.dataset_id).toMatch(/^ds_/);
    expect(expectOk(await api.get(`/v1/bi/dashboards/${dash.id}`)).data.report_ids).toEqual([report.id]);
    expect(expectOk(await api.get(`/v1/bi/reports?dashboard_id=${dash.id}`)).data.map((r: any) => r.id)).toEqual([report.id]);
    expect(expectOk(await run({ report_id: report.id })).data.rows).toEqual([{ status: 'new', count: 3 }]);
    expect((await api.post('/v1/bi/reports', { name: 'x', dashboard_id: 'dash_nope', query: { dataset: 'tickets', measures: [{ agg: 'count' }] } })).status).toBe(404);
  });

  it('another workspace sees none of it', async () => {
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect(expectOk(await stranger.post('/v1/bi/queries/run', { query: { dataset: 'contacts', measures: [{ agg: 'count' }] } })).data.rows).toEqual([{ count: 0 }]);
    expect((await stranger.post('/v1/bi/queries/run', { query: { dataset: 'urgent_tickets', measures: [{ agg: 'count' }] } })).status).toBe(404);
    expect(expectOk(await stranger.get('/v1/bi/metrics')).data).toEqual([]);
  });
});

describe('exports and scheduled artifacts', () => {
  it('a JSON export of rows', async () => {
    const created = expectOk(await api.post('/v1/bi/exports', { format: 'json', query: { dataset: 'contacts', fields: ['name', 'company_name'], order_by: [{ field: 'name' }] } }), 202).data;
    const done = await eventually(async () => {
      const e = expectOk(await api.get(`/v1/bi/exports/${created.id}`)).data;
      return e.status === 'succeeded' ? e : null;
    });
    const u = new URL(done.download_url);
    const file = JSON.parse((await h.app.inject({ method: 'GET', url: u.pathname + u.search })).body);
    expect(file.rows.map((r: any) => r.name).sort()).toEqual(['Ann', 'Bob', 'Cy']);
    expect(expectOk(await api.get('/v1/bi/exports?status=succeeded')).data.map((e: any) => e.id)).toContain(created.id);
    expect((await api.post('/v1/bi/exports', { format: 'csv', query: { dataset: 'nope', measures: [{ agg: 'count' }] } })).status).toBe(404);
  });

  it('a schedule runs its report when due, once per slot, and emits an event when done', async () => {
    const report = expectOk(await api.post('/v1/bi/reports', { name: 'Deals by stage', query: { dataset: 'deals', measures: [{ agg: 'sum', field: 'amount_cents' }], dimensions: ['stage'] } }), 201).data;
    const sched = expectOk(await api.post('/v1/bi/scheduled-artifacts', { name: 'Daily deals', artifact_type: 'report', report_id: report.id, format: 'csv', every_minutes: 1440 }), 201).data;
    expect(sched).toMatchObject({ artifact_type: 'report', every_minutes: 1440, format: 'csv', last_export_id: null });
    const jobs = biJobsOf(h.opened.db)!;
    expect(await jobs.runDue(h.clock.now())).toEqual([]); // not due yet
    h.clock.advance(1440 * 60_000 + 1000);
    const made = await jobs.runDue(h.clock.now());
    expect(made).toHaveLength(1);
    expect(await jobs.runDue(h.clock.now())).toEqual([]); // this slot is taken
    await jobs.idle();
    const exp = expectOk(await api.get(`/v1/bi/exports/${made[0]}`)).data;
    expect(exp).toMatchObject({ status: 'succeeded', source: { report_id: report.id, scheduled_artifact_id: sched.id } });
    const after = expectOk(await api.get(`/v1/bi/scheduled-artifacts/${sched.id}`)).data;
    expect(after.last_export_id).toBe(made[0]);
    expect(Date.parse(after.next_run_at)).toBeGreaterThan(h.clock.now().getTime());
    const events = expectOk(await api.get('/v1/events?type=bi.scheduled_artifact.completed')).data;
    expect(events[0].data).toMatchObject({ scheduled_artifact_id: sched.id, export_id: made[0], status: 'succeeded', asset_id: exp.asset_id });
    // Archived: it stops.
    expectOk(await api.delete(`/v1/bi/scheduled-artifacts/${sched.id}`));
    h.clock.advance(2 * 1440 * 60_000);
    expect(await jobs.runDue(h.clock.now())).toEqual([]);
    expect((await api.post('/v1/bi/scheduled-artifacts', { name: 'x', artifact_type: 'report', every_minutes: 60 })).status).toBe(422);
  });
});
