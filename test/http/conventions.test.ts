import { afterEach, describe, expect, it } from 'vitest';
import type { Carrier, ProvisionRequest } from '../../src/carriers/carrier.js';
import { CarrierError } from '../../src/carriers/carrier.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('envelope, request ids and body handling', () => {
  it('wraps objects and lists, and echoes the request id in a header', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const me = await api.get('/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.request_id).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(me.headers['x-request-id']).toBe(me.body.request_id);
    const list = await api.get('/v1/numbers');
    expect(list.body).toEqual({ data: [], next_cursor: null, request_id: list.headers['x-request-id'] });
  });

  it('415 for a body without a JSON content type, and nothing changes', async () => {
    h = await createHarness();
    const key = await h.key();
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}]) {
      const res = await h.request({ method: 'POST', url: '/v1/credits/purchase', headers: { authorization: `Bearer ${key}`, ...headers }, payload: 'amount_cents=1000' });
      expect(res.status, res.text).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    expect(expectOk(await h.api(key).get('/v1/credits/balance')).data.balance_cents).toBe(0);
  });

  it('400 invalid_json for malformed JSON', async () => {
    h = await createHarness();
    const key = await h.key();
    const res = await h.request({ method: 'POST', url: '/v1/credits/purchase', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '{"amount_cents": 10' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    const proto = await h.request({ method: 'POST', url: '/v1/credits/purchase', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}, "amount_cents": 1000}' });
    expect(proto.status).toBe(400);
  });

  it('422 validation_error with field details, including type confusion', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const res = await api.post('/v1/credits/purchase', { amount_cents: 250 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details).toContainEqual({ field: 'amount_cents', error: 'must_be_multiple_of_1000', received: 250 });
    const str = await api.post('/v1/credits/purchase', { amount_cents: '1000' });
    expect(str.status).toBe(422);
    expect(str.body.error.details[0]).toMatchObject({ field: 'amount_cents', error: 'must_be_integer' });
    const missing = await api.post('/v1/credits/purchase', {});
    expect(missing.body.error.details).toEqual([{ field: 'amount_cents', error: 'required' }]);
    const none = await api.post('/v1/credits/purchase');
    expect(none.status).toBe(422);
  });

  it('404 not_found in the envelope for unknown routes and ids', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const route = await api.get('/v1/nope');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('not_found');
    const id = await api.get('/v1/numbers/num_00000000000000000000000000');
    expect(id.status).toBe(404);
    expect(id.body.error.code).toBe('not_found');
  });

  it('never leaks internals on a 500', async () => {
    const broken: Carrier = { name: 'sim', provisionNumber: async () => { throw new TypeError('secret stack detail'); }, releaseNumber: async () => {} };
    h = await createHarness({ carriers: { test: broken } });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const res = await api.post('/v1/numbers', { system_prompt: 'x' });
    expect(res.status).toBe(502); // any carrier failure is a carrier_error
    expect(res.text).not.toContain('secret stack detail');
  });
});

describe('cursor pagination', () => {
  it('pages newest first and stays stable while rows are inserted', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 10_000);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(expectOk(await api.post('/v1/numbers', { system_prompt: `agent ${i}` }), 201).data.id);
    const newestFirst = [...ids].reverse();

    const p1 = expectOk(await api.get('/v1/numbers?limit=3'));
    expect(p1.data.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(0, 3));
    // A row inserted between pages does not shift the next page.
    expectOk(await api.post('/v1/numbers', { system_prompt: 'late' }), 201);
    const p2 = expectOk(await api.get(`/v1/numbers?limit=3&cursor=${p1.next_cursor}`));
    expect(p2.data.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(3, 6));
    const p3 = expectOk(await api.get(`/v1/numbers?limit=3&cursor=${p2.next_cursor}`));
    expect(p3.data.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(6));
    expect(p3.next_cursor).toBeNull();
  });

  it('rejects bad limits and cursors', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    for (const q of ['limit=0', 'limit=101', 'limit=abc']) {
      const res = await api.get(`/v1/numbers?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    const res = await api.get('/v1/numbers?cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'cursor', error: 'invalid_cursor' });
  });
});

describe('idempotency', () => {
  it('replays a purchase: one ledger entry, same body, Idempotent-Replayed header', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const first = await api.post('/v1/credits/purchase', { amount_cents: 2000 }, { 'idempotency-key': 'buy-1' });
    const again = await api.post('/v1/credits/purchase', { amount_cents: 2000 }, { 'idempotency-key': 'buy-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data).toEqual(first.body.data);
    expect(expectOk(await api.get('/v1/credits/ledger')).data).toHaveLength(1);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(2000);
  });

  it('409 idempotency_conflict when the same key carries another body', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await api.post('/v1/credits/purchase', { amount_cents: 1000 }, { 'idempotency-key': 'k' });
    const res = await api.post('/v1/credits/purchase', { amount_cents: 3000 }, { 'idempotency-key': 'k' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_conflict');
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(1000);
  });

  it('keys are scoped per workspace and mode', async () => {
    h = await createHarness();
    const a = h.api(await h.key({ workspace: 'a' }));
    const b = h.api(await h.key({ workspace: 'b' }));
    expect((await a.post('/v1/credits/purchase', { amount_cents: 1000 }, { 'idempotency-key': 'same' })).status).toBe(201);
    const res = await b.post('/v1/credits/purchase', { amount_cents: 1000 }, { 'idempotency-key': 'same' });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('409 idempotency_in_progress while the first request runs; a 5xx is not stored', async () => {
    let release!: () => void;
    let calls = 0;
    const gate = new Promise<void>((r) => (release = r));
    const slow: Carrier = {
      name: 'sim',
      async provisionNumber(_req: ProvisionRequest) {
        calls++;
        if (calls === 1) {
          await gate;
          throw new CarrierError('carrier is down');
        }
        return { phoneNumber: '+14155550100', carrierSid: 'SIM1' };
      },
      releaseNumber: async () => {},
    };
    h = await createHarness({ carriers: { test: slow } });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const body = { system_prompt: 'x' };
    const first = api.post('/v1/numbers', body, { 'idempotency-key': 'p' });
    await new Promise((r) => setTimeout(r, 50));
    const during = await api.post('/v1/numbers', body, { 'idempotency-key': 'p' });
    expect(during.status).toBe(409);
    expect(during.body.error.code).toBe('idempotency_in_progress');
    release();
    expect((await first).status).toBe(502);
    const retry = await api.post('/v1/numbers', body, { 'idempotency-key': 'p' });
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const replay = await api.post('/v1/numbers', body, { 'idempotency-key': 'p' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data.id).toBe(retry.body.data.id);
    expect(calls).toBe(2);
  });

  it('stores 4xx results (a 402 replays as 402 even after funding)', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const first = await api.post('/v1/numbers', { system_prompt: 'x' }, { 'idempotency-key': 'n' });
    expect(first.status).toBe(402);
    await fund(api, 1000);
    const again = await api.post('/v1/numbers', { system_prompt: 'x' }, { 'idempotency-key': 'n' });
    expect(again.status).toBe(402);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });
});

describe('rate limits', () => {
  it('sends RateLimit headers and 429 with Retry-After from the strictest bucket', async () => {
    h = await createHarness({ env: { AGENTLINE_RATE_LIMIT_PER_KEY: '3', AGENTLINE_RATE_LIMIT_PER_WORKSPACE: '5', AGENTLINE_RATE_LIMIT_PER_IP: '100', AGENTLINE_RATE_LIMIT_WINDOW_SECONDS: '60' } });
    const key1 = await h.key({ workspace: 'w' });
    const key2 = await h.key({ workspace: 'w' });
    const api1 = h.api(key1);
    const first = await api1.get('/v1/me');
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    await api1.get('/v1/me');
    await api1.get('/v1/me');
    const limited = await api1.get('/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The workspace bucket (5) is shared by both keys: key2 gets one request, then 429.
    const api2 = h.api(key2);
    expect((await api2.get('/v1/me')).status).toBe(200);
    const ws = await api2.get('/v1/me');
    expect(ws.status).toBe(429);
    expect(ws.headers['ratelimit-limit']).toBe('5');
  });

  it('limits by client IP before authentication', async () => {
    h = await createHarness({ env: { AGENTLINE_RATE_LIMIT_PER_IP: '2' } });
    const anon = h.api(null);
    await anon.get('/v1/me');
    await anon.get('/v1/me');
    const res = await anon.get('/v1/me');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('OpenAPI', () => {
  it('serves a 3.1 document generated from the route schemas, and browsable docs', async () => {
    h = await createHarness();
    const doc = await h.api(null).get('/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/numbers', '/v1/numbers/{id}', '/v1/credits/purchase', '/v1/credits/ledger', '/v1/me', '/v1/events']));
    const purchase = doc.body.paths['/v1/credits/purchase'].post;
    expect(JSON.stringify(purchase.requestBody)).toContain('multipleOf');
    expect(purchase.responses['422']).toBeDefined();
    expect(purchase.description).toContain('credits:write');
    expect(doc.body.paths['/carrier/twilio/voice']).toBeUndefined();
    const ui = await h.request({ method: 'GET', url: '/docs/' });
    expect(ui.status).toBe(200);
  });

  it('health endpoints need no key', async () => {
    h = await createHarness();
    expect((await h.api(null).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await h.api(null).get('/readyz')).body).toEqual({ status: 'ready' });
  });
});
