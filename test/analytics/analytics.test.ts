import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayload } from '../../src/analytics/payload-check.js';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// Analytics governance through the API with seed 003's example bodies, and the payload check's
// rules on their own.

let h: Harness;
let api: Api;

beforeAll(async () => {
  h = await createHarness();
  api = h.api(await h.key({ workspace: 'acme' }));
});
afterAll(async () => h.close());

describe('analytics governance', () => {
  it('defines the seed\'s property and event, and validates the seed\'s payload exactly as the seed shows', async () => {
    const prop = await api.post('/v1/analytics/properties', { key: 'workspace_id', type: 'string', description: 'Workspace identifier associated with the event.', required: true });
    expect(prop.status, prop.text).toBe(201);
    expect(prop.body.data).toMatchObject({ key: 'workspace_id', type: 'string', required: true });
    expect(prop.body.data.id).toMatch(/^prop_[0-9A-Z]{26}$/);

    const event = expectOk(await api.post('/v1/analytics/events', { name: 'first_contact_created', description: 'A workspace created its first CRM contact.', owner: 'growth', properties: ['tenant_id', 'workspace_id', 'source'] }), 201);
    expect(event.data).toMatchObject({ name: 'first_contact_created', owner: 'growth', properties: ['tenant_id', 'workspace_id', 'source'] });
    expect(event.data.id).toMatch(/^aev_[0-9A-Z]{26}$/);

    const res = await api.post('/v1/analytics/events/validate', { name: 'first_contact_created', properties: { tenant_id: 'ten_123', workspace_id: 'wrk_123', source: 'mcp' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { valid: true, errors: [], request_id: res.body.request_id }, request_id: res.headers['x-request-id'] });
  });

  it('reports each missing, mistyped and unknown field', async () => {
    expectOk(await api.post('/v1/analytics/properties', { key: 'seats', type: 'integer' }), 201);
    expectOk(await api.post('/v1/analytics/properties', { key: 'signed_up_at', type: 'timestamp', required: true }), 201);
    expectOk(await api.post('/v1/analytics/events', { name: 'plan_upgraded', owner: 'billing', properties: ['workspace_id', 'seats', 'signed_up_at'] }), 201);
    const res = expectOk(await api.post('/v1/analytics/events/validate', { name: 'plan_upgraded', properties: { seats: 2.5, signed_up_at: 'yesterday', coupon: 'X' } }));
    expect(res.data.valid).toBe(false);
    expect(res.data.errors).toEqual([
      { field: 'properties.workspace_id', error: 'required', message: 'properties.workspace_id is required' },
      { field: 'properties.seats', error: 'invalid_type', message: 'properties.seats must be of type integer', expected: 'integer', received: 'number' },
      { field: 'properties.signed_up_at', error: 'invalid_type', message: 'properties.signed_up_at must be an ISO 8601 date-time string', expected: 'timestamp', received: 'string' },
      { field: 'properties.coupon', error: 'unknown_property', message: 'properties.coupon is not a property of this event' },
    ]);
    const unknown = await api.post('/v1/analytics/events/validate', { name: 'never_defined', properties: {} });
    expect(unknown.status).toBe(404);
  });

  it('lists with the seed\'s filters; names and keys are unique; another workspace sees none of it', async () => {
    expect((await api.post('/v1/analytics/events', { name: 'plan_upgraded' })).status).toBe(409);
    expect((await api.post('/v1/analytics/properties', { key: 'seats', type: 'string' })).status).toBe(409);
    expect((await api.post('/v1/analytics/properties', { key: 'Bad Key', type: 'string' })).status).toBe(422);
    expect(expectOk(await api.get('/v1/analytics/events?owner=growth')).data.map((e: any) => e.name)).toEqual(['first_contact_created']);
    expect(expectOk(await api.get('/v1/analytics/events?query=FIRST%20CRM')).data.map((e: any) => e.name)).toEqual(['first_contact_created']);
    expect(expectOk(await api.get('/v1/analytics/events?query=crm%20first')).data).toEqual([]);
    const page = expectOk(await api.get('/v1/analytics/properties?limit=2'));
    expect(page.data.map((p: any) => p.key)).toEqual(['signed_up_at', 'seats']);
    expect(expectOk(await api.get(`/v1/analytics/properties?limit=2&cursor=${page.next_cursor}`)).data.map((p: any) => p.key)).toEqual(['workspace_id']);
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect(expectOk(await stranger.get('/v1/analytics/events')).data).toEqual([]);
    expect((await stranger.post('/v1/analytics/events/validate', { name: 'plan_upgraded', properties: {} })).status).toBe(404);
  });
});

describe('checkPayload', () => {
  const rules = new Map([
    ['n', { type: 'number' as const, required: false }],
    ['o', { type: 'object' as const, required: true }],
    ['a', { type: 'array' as const, required: false }],
    ['b', { type: 'boolean' as const, required: false }],
  ]);
  it('takes any value for a listed property without a definition, and checks each type', () => {
    expect(checkPayload(['n', 'o', 'a', 'b', 'free'], rules, { n: 1.5, o: {}, a: [], b: false, free: null })).toEqual([]);
    expect(checkPayload(['n', 'o', 'a', 'b'], rules, { n: '1', o: [], a: {}, b: 0 }).map((e) => [e.field, e.received])).toEqual([
      ['properties.n', 'string'], ['properties.o', 'array'], ['properties.a', 'object'], ['properties.b', 'integer'],
    ]);
    expect(checkPayload(['o'], rules, {})).toEqual([{ field: 'properties.o', error: 'required', message: 'properties.o is required' }]);
  });
});
