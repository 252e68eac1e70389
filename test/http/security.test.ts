import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { group as crmPeople } from './security-routes/crm-people.js';
import { group as crmSales } from './security-routes/crm-sales.js';
import { group as support } from './security-routes/support.js';
import { group as tasks } from './security-routes/tasks.js';
import { group as cms } from './security-routes/cms.js';
import { group as identity } from './security-routes/identity.js';
import { group as accountingMarketing } from './security-routes/accounting-marketing.js';
import { group as agentsIdentityUsage } from './security-routes/agents-identity-usage.js';
import { group as data } from './security-routes/data.js';
import type { RouteCase, RouteGroup } from './security-routes/types.js';

// The shared security suite: every /v1 route that needs a key is run through the same checks
// (no key, wrong scheme, malformed, revoked, read-only, missing scope, other workspace, other
// mode). A new route fails this file until it is added to ROUTES with a valid sample request,
// so no route ships without these checks.

// Feature groups keep their tables in ./security-routes/ (one file each).
const GROUPS: RouteGroup[] = [crmPeople, crmSales, support, tasks, cms, identity, accountingMarketing, agentsIdentityUsage, data];

const BASE_ROUTES: Record<string, RouteCase> = {
  'GET /v1/me': {},
  'POST /v1/numbers': { body: { system_prompt: 'You help.', area_code: '415' } },
  'GET /v1/numbers': {},
  'GET /v1/numbers/:id': { owns: 'number' },
  'PATCH /v1/numbers/:id': { owns: 'number', body: { first_message: 'Hi!' } },
  'DELETE /v1/numbers/:id': { owns: 'number' },
  'GET /v1/credits/balance': {},
  'POST /v1/credits/purchase': { body: { amount_cents: 1000 } },
  'GET /v1/credits/ledger': {},
  'GET /v1/events': {},
  'GET /v1/events/:id': { owns: 'event' },
  'POST /v1/calls': { body: { from: 'num_00000000000000000000000000', to: '+16289234567' } },
  'GET /v1/calls': {},
  'GET /v1/calls/:id': { owns: 'call' },
  'GET /v1/calls/:id/transcript': { owns: 'call' },
  'POST /v1/calls/:id/hangup': { owns: 'call' },
  'GET /v1/calls/:id/recording': { owns: 'recorded_call' },
  'DELETE /v1/calls/:id/recording': { owns: 'recorded_call' },
  'GET /v1/softphone': { ws: true },
  'GET /v1/softphone/media': { ws: true },
  'POST /v1/softphone/tickets': { body: { to: '+16289234567' } },
  'POST /v1/numbers/:id/chat': { owns: 'number', body: { message: 'hello' } },
  'POST /v1/sms': { body: { from: 'num_00000000000000000000000000', to: '+16289234567', body: 'hi' } },
  'GET /v1/sms': {},
  'GET /v1/sms/:id': { owns: 'sms' },
  'POST /v1/sms/test-inbound': { body: { to: 'num_00000000000000000000000000', from: '+16289234567', body: 'hi' } },
  'POST /v1/webhooks': { body: { url: 'https://hooks.example.com/agentline', event_types: ['*'] } },
  'GET /v1/webhooks': {},
  'GET /v1/webhooks/:id': { owns: 'webhook' },
  'PATCH /v1/webhooks/:id': { owns: 'webhook', body: { name: 'renamed' } },
  'DELETE /v1/webhooks/:id': { owns: 'webhook' },
  'POST /v1/webhooks/:id/rotate-secret': { owns: 'webhook' },
  'POST /v1/webhooks/:id/test': { owns: 'webhook' },
  'GET /v1/webhooks/:id/deliveries': { owns: 'webhook' },
  'POST /v1/webhooks/:id/deliveries/:delivery_id/retry': { owns: 'webhook', params: { delivery_id: 'delivery' } },
};

const ROUTES: Record<string, RouteCase> = Object.assign({}, BASE_ROUTES, ...GROUPS.map((g) => g.routes));

let h: Harness;
let ownerKey: string;
const owned: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  ownerKey = await h.key({ workspace: 'owner' });
  const api = h.api(ownerKey);
  await fund(api, 5000);
  owned.number = expectOk(await api.post('/v1/numbers', { system_prompt: 'Owner agent' }), 201).data.id;
  owned.event = expectOk(await api.get('/v1/events')).data[0].id;
  owned.call = expectOk(await api.post('/v1/calls', { from: owned.number, to: '+16289234567' }), 201).data.id;
  // A finished recording of the owner's call (only its row: GET signs a link, nothing reads the file).
  owned.recorded_call = owned.call;
  const call = await h.opened.db.selectFrom('calls').selectAll().where('id', '=', owned.call).executeTakeFirstOrThrow();
  await h.opened.db.insertInto('recordings').values({
    id: 'rec_00000000000000000000000000', call_id: call.id, workspace_id: call.workspace_id, mode: call.mode, source: 'gateway', status: 'ready',
    path: `${call.workspace_id}/rec_00000000000000000000000000.wav`, carrier_sid: null, carrier_url: null, format: 'wav', channels: 2, sample_rate: 8000,
    duration_seconds: 1, size_bytes: 32_044, error: null, created_at: call.created_at, updated_at: call.created_at, ready_at: call.created_at, deleted_at: null,
  }).execute();
  owned.sms = expectOk(await api.post('/v1/sms', { from: owned.number, to: '+16289234567', body: 'hello' }), 201).data.id;
  owned.webhook = expectOk(await api.post('/v1/webhooks', { url: 'https://hooks.example.com/owner', event_types: ['*'] }), 201).data.id;
  owned.delivery = expectOk(await api.post(`/v1/webhooks/${owned.webhook}/test`), 201).data.id;
  for (const g of GROUPS) await g.own(api, owned);
});
afterAll(async () => h.close());

const keyed = () => h.app.routeRecords.filter((r) => r.scope !== 'public' && r.scope !== 'carrier' && r.url.startsWith('/v1'));

describe('route declarations', () => {
  it('every route declares a scope', () => {
    const missing = h.app.routeRecords.filter((r) => r.scope === undefined);
    expect(missing).toEqual([]);
  });

  it('every keyed route is in the security table', () => {
    const names = keyed().map((r) => `${r.method} ${r.url}`);
    expect(names.filter((n) => !(n in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('only health, docs, the console\'s static files, the OpenAPI document, signed recording links and the install-token exchange are public', () => {
    const publicUrls = h.app.routeRecords.filter((r) => r.scope === 'public').map((r) => r.url);
    // The console's pages carry no data: everything they show comes from the API with a key.
    // Recording downloads' and asset uploads' and downloads' signed links (HMAC, expiring) are their
    // authorization; the single-use install token is the exchange's (test/auth/install-tokens.test.ts).
    for (const url of publicUrls) expect(url).toMatch(/^(\/healthz|\/readyz|\/docs.*|\/console|\/console\/\*|\/v1\/openapi\.json|\/v1\/recordings\/:id\/audio|\/v1\/auth\/install-token\/exchange|\/v1\/assets\/:id\/(upload|content))$/);
  });
});

function urlFor(pattern: string): string {
  const route = ROUTES[pattern]!;
  const path = pattern.split(' ')[1]! + (route.query ? `?${route.query}` : '');
  return path.replace(/:([a-z_]+)/g, (_m, name: string) => {
    const kind = name === 'id' ? route.owns : route.params?.[name];
    const id = kind ? owned[kind] : undefined;
    if (!id) throw new Error(`${pattern}: no owned resource for :${name}`);
    return id;
  });
}

async function call(pattern: string, headers: Record<string, string>) {
  const method = pattern.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const body = ROUTES[pattern]!.body;
  return h.request({
    method,
    url: urlFor(pattern),
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

describe.each(Object.keys(ROUTES))('%s', (pattern) => {
  const method = pattern.split(' ')[0]!;
  const scope = () => keyed().find((r) => `${r.method} ${r.url}` === pattern)?.scope;

  it('401 token_missing without a key or with another scheme', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, { authorization: `Token ${ownerKey}` }, { authorization: ownerKey }]) {
      const res = await call(pattern, headers);
      expect(res.status, res.text).toBe(401);
      expect(res.body.error.code).toBe('token_missing');
      expect(res.body.request_id).toBe(res.headers['x-request-id']);
    }
  });

  it('401 token_invalid for malformed, unknown and revoked keys', async () => {
    const revoked = await h.keyWithId({ workspace: 'owner' });
    await h.revoke(revoked.id);
    for (const key of ['al_test_short', `al_test_${'x'.repeat(32)}`, revoked.key, ownerKey.replace('al_test_', 'al_live_')]) {
      const res = await call(pattern, { authorization: `Bearer ${key}` });
      expect(res.status, res.text).toBe(401);
      expect(res.body.error.code).toBe('token_invalid');
    }
  });

  it('403 token_read_only for writes with a read-only key; reads pass', async () => {
    const key = await h.key({ workspace: 'owner', readOnly: true });
    const res = await call(pattern, { authorization: `Bearer ${key}` });
    if (ROUTES[pattern]!.ws) expect([401, 403]).not.toContain(res.status);
    else if (method === 'GET') expect(res.status, res.text).toBe(200);
    else {
      expect(res.status, res.text).toBe(403);
      expect(res.body.error.code).toBe('token_read_only');
    }
  });

  it('403 forbidden naming the scope when the key lacks it', async () => {
    const required = scope();
    if (required === 'any') return; // /v1/me answers any valid key
    const group = String(required).split(':')[0];
    const other = group === 'numbers' ? 'sms:write' : 'numbers:write';
    const key = await h.key({ workspace: 'owner', scopes: [other as never] });
    const res = await call(pattern, { authorization: `Bearer ${key}` });
    expect(res.status, res.text).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: [{ field: 'scope', required }] });
  });

  it('404 for another workspace\'s resource and for the other mode', async () => {
    const route = ROUTES[pattern]!;
    const strangers = [await h.key({ workspace: 'stranger' }), await h.key({ workspace: 'owner', mode: 'live' })];
    for (const key of strangers) {
      if (route.owns) {
        const res = await call(pattern, { authorization: `Bearer ${key}` });
        expect(res.status, res.text).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      } else if (method === 'GET' && pattern !== 'GET /v1/me' && !route.ws) {
        const res = await call(pattern, { authorization: `Bearer ${key}` });
        expect(res.status, res.text).toBe(200);
        const ids = JSON.stringify(res.body.data);
        for (const id of Object.values(owned)) expect(ids).not.toContain(id);
      }
    }
  });
});
