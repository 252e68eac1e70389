import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHarness, expectOk, type Harness, type Response } from '../helpers/harness.js';

// Input the router, the body parser or Node's HTTP parser sees before any route: nesting depth,
// unknown fields on body-less actions, bad URLs, oversized ids and headers, rate limits on every
// response. Each answer is in our envelope and changes nothing.

let h: Harness;
afterEach(async () => h?.close());

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body?.error?.code, res.text).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.request_id).toMatch(/^req_/);
  expect(res.headers['x-request-id']).toBe(res.body.request_id);
}

async function webhookWithDelivery(h: Harness, key: string) {
  const api = h.api(key);
  const wh = expectOk(await api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hook', event_types: ['*'] }), 201).data;
  const delivery = expectOk(await api.post(`/v1/webhooks/${wh.id}/test`), 201).data;
  return { wh, delivery };
}

describe('JSON nesting depth', () => {
  it('refuses a body nested 5,000 deep with 400 invalid_json naming the limit, on every route, Idempotency-Key or not', async () => {
    h = await createHarness();
    const key = await h.key();
    const { wh, delivery } = await webhookWithDelivery(h, key);
    const urls = [
      '/v1/calls/call_0000/hangup',
      `/v1/webhooks/${wh.id}/test`,
      `/v1/webhooks/${wh.id}/rotate-secret`,
      `/v1/webhooks/${wh.id}/deliveries/${delivery.id}/retry`,
      '/v1/credits/purchase',
    ];
    for (const url of urls) {
      for (const idem of [{ 'idempotency-key': `deep-${url}` }, {}]) {
        const res = await h.request({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...idem }, payload: deep(5000) });
        expectEnvelope(res, 400, 'invalid_json');
        expect(res.body.error.message).toContain('32 levels');
      }
    }
    const arrays = await h.request({ method: 'PATCH', url: `/v1/webhooks/${wh.id}`, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '['.repeat(100_000) });
    expectEnvelope(arrays, 400, 'invalid_json');
    // Nothing ran: the endpoint still has only the delivery made above, and its secret is unchanged.
    const after = expectOk(await h.api(key).get(`/v1/webhooks/${wh.id}/deliveries`)).data;
    expect(after).toHaveLength(1);
  });

  it('accepts nesting up to the limit (the body then meets its schema as usual)', async () => {
    h = await createHarness();
    const res = await h.request({ method: 'POST', url: '/v1/credits/purchase', headers: { authorization: `Bearer ${await h.key()}`, 'content-type': 'application/json' }, payload: `{"amount_cents":1000,"x":${deep(30)}}` });
    expectEnvelope(res, 422, 'validation_error');
  });
});

describe('body-less actions refuse unknown fields', () => {
  it('hangup, test, rotate-secret and retry answer 422 unknown_field for {"zzz":1}; no body or {} still works', async () => {
    h = await createHarness();
    const key = await h.key();
    const api = h.api(key);
    const { wh, delivery } = await webhookWithDelivery(h, key);
    const actions = [
      { url: '/v1/calls/call_0000/hangup', ok: 404 },
      { url: `/v1/webhooks/${wh.id}/test`, ok: 201 },
      { url: `/v1/webhooks/${wh.id}/rotate-secret`, ok: 200 },
      { url: `/v1/webhooks/${wh.id}/deliveries/${delivery.id}/retry`, ok: 200 },
    ];
    for (const { url, ok } of actions) {
      const res = await api.post(url, { zzz: 1 });
      expectEnvelope(res, 422, 'validation_error');
      expect(res.body.error.details).toContainEqual({ field: 'zzz', error: 'unknown_field' });
      expect((await api.post(url)).status, url).toBe(ok);
      expect((await api.post(url, {})).status, url).toBe(ok);
      const emptyJson = await h.request({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '' });
      expect(emptyJson.status, url).toBe(ok);
    }
  });

  it('every POST and PATCH route declares a body schema that refuses an unknown field', async () => {
    h = await createHarness();
    const key = await h.key();
    // Carrier webhooks are Twilio's form posts: Twilio adds parameters over time, and its
    // signature, not a schema, vouches for them (their values are checked one by one).
    const routes = h.app.routeRecords.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.scope !== 'carrier');
    expect(routes.length).toBeGreaterThan(30);
    const accepted: string[] = [];
    for (const r of routes) {
      // Params that must match a pattern or a list get a valid value, so the body is what is judged.
      const param: Record<string, string> = { key: 'external.x', collection: 'datasets' };
      const url = r.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => param[name] ?? 'x');
      const res = await h.request({ method: r.method as 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: '{"zzz":1}' });
      const refused = res.status === 422 && res.body?.error?.details?.some((d: { field?: string; error: string }) => d.field === 'zzz' && d.error === 'unknown_field');
      if (!refused) accepted.push(`${r.method} ${r.url} -> ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(accepted).toEqual([]);
  });
});

describe('rate limits on every request', () => {
  it('a flood of unknown paths is limited: 404s carry the headers, then 429 with Retry-After', async () => {
    h = await createHarness({ env: { AGENTLINE_RATE_LIMIT_PER_IP: '3' } });
    for (let i = 0; i < 3; i++) {
      const res = await h.request({ method: 'GET', url: `/nope/${i}` });
      expectEnvelope(res, 404, 'not_found');
      expect(res.headers['ratelimit-limit']).toBe('3');
      expect(res.headers['ratelimit-remaining']).toBe(String(2 - i));
      expect(res.headers['ratelimit-reset']).toBeDefined();
    }
    const limited = await h.request({ method: 'GET', url: '/nope/again' });
    expectEnvelope(limited, 429, 'rate_limit_exceeded');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same address is now limited everywhere, public routes included.
    expectEnvelope(await h.request({ method: 'GET', url: '/healthz' }), 429, 'rate_limit_exceeded');
    const badUrl = await h.request({ method: 'GET', url: '/v1/calls/%ff' });
    expectEnvelope(badUrl, 429, 'rate_limit_exceeded');
    expect(badUrl.headers['retry-after']).toBeDefined();
  });

  it('401s, public routes (health, OpenAPI, docs) and router errors carry the headers and count', async () => {
    h = await createHarness({ env: { AGENTLINE_RATE_LIMIT_PER_IP: '100' } });
    const seen: string[] = [];
    for (const url of ['/v1/me', '/healthz', '/readyz', '/v1/openapi.json', '/docs/', '/v1/calls/%ff', `/v1/calls/${'a'.repeat(150)}`]) {
      const res = await h.request({ method: 'GET', url });
      expect(res.headers['ratelimit-limit'], url).toBe('100');
      seen.push(String(res.headers['ratelimit-remaining']));
    }
    expect(seen).toEqual(['99', '98', '97', '96', '95', '94', '93']);
  });

  it('carrier routes are counted but never refused for the rate; a forged request still gets 403', async () => {
    h = await createHarness({ env: { AGENTLINE_RATE_LIMIT_PER_IP: '1', TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'tok' } });
    for (let i = 0; i < 3; i++) {
      const res = await h.request({ method: 'POST', url: '/carrier/twilio/status', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'CallSid=CA1&CallStatus=completed' });
      expectEnvelope(res, 403, 'forbidden');
      expect(res.headers['ratelimit-limit']).toBe('1');
    }
  });
});

describe('errors before any route are in our envelope', () => {
  it('a malformed percent-encoding in the path is a 400 bad_request', async () => {
    h = await createHarness();
    for (const url of ['/v1/calls/%ff', '/v1/%ff/x', '/v1/calls/%E0%A4%A']) {
      expectEnvelope(await h.request({ method: 'GET', url, headers: { authorization: `Bearer ${await h.key()}` } }), 400, 'bad_request');
    }
  });

  it('an id over 100 characters is a 404 not_found, not fastify\'s 414', async () => {
    h = await createHarness();
    const key = await h.key();
    const res = await h.request({ method: 'GET', url: `/v1/calls/call_${'A'.repeat(120)}`, headers: { authorization: `Bearer ${key}` } });
    expectEnvelope(res, 404, 'not_found');
    expect(res.body.error.message).toContain('100 characters');
  });

  it('headers too large: 431 in our envelope over a real socket, and the gateway keeps serving', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve(data));
      socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Giant: ${'a'.repeat(40_000)}\r\n\r\n`);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    const requestId = /x-request-id: (req_\S+)/i.exec(head!)?.[1];
    expect(head).toMatch(/ratelimit-limit: \d+/i);
    const parsed = JSON.parse(body!);
    expect(parsed).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) }, request_id: requestId });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('a request Node cannot parse gets a 400 in our envelope, and the gateway keeps serving', async () => {
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve(data));
      socket.write('NOT HTTP AT ALL\r\n\r\n');
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body!).error.code).toBe('bad_request');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('a carrier request with a wrong signature gets 403 forbidden in our envelope, HTTP and WebSocket alike', async () => {
    h = await createHarness({ env: { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'tok', PUBLIC_URL: 'https://gw.example.com' } });
    for (const path of ['/carrier/twilio/voice', '/carrier/twilio/status', '/carrier/twilio/relay-action', '/carrier/twilio/sms', '/carrier/twilio/sms-status']) {
      const res = await h.request({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, payload: 'CallSid=CA1' });
      expectEnvelope(res, 403, 'forbidden');
    }
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const refused = await new Promise<{ status: number; body: string; requestId: unknown }>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/carrier/twilio/relay`, { headers: { 'x-twilio-signature': 'forged' } });
      ws.on('open', () => reject(new Error('a forged relay upgrade was accepted')));
      ws.on('error', () => undefined);
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, requestId: res.headers['x-request-id'] }));
      });
    });
    expect(refused.status).toBe(403);
    const parsed = JSON.parse(refused.body);
    expect(parsed.error.code).toBe('forbidden');
    expect(parsed.request_id).toBe(refused.requestId);
  });
});
