import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { type Carrier, CarrierError } from '../../src/carriers/carrier.js';
import { renewDueNumbers } from '../../src/numbers/number-service.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

let h: Harness;
afterEach(async () => h?.close());

const DAY = 86_400_000;

describe('provisioning', () => {
  it('provisions managed and webhook numbers in the requested area code', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 2000);
    const managed = expectOk(await api.post('/v1/numbers', { system_prompt: 'You are a helpful sales assistant for Acme Corp.', first_message: 'Hello, how can I help you?', area_code: '415' }), 201).data;
    expect(managed).toMatchObject({ mode: 'managed', status: 'active', livemode: false, inbound_mode: 'autopilot', language: 'en-US', area_code: '415', metadata: {} });
    expect(managed.phone_number).toMatch(/^\+1415555\d{4}$/);
    expect(managed.id).toMatch(/^num_[0-9A-Z]{26}$/);

    const hook = expectOk(await api.post('/v1/numbers', { webhook_url: 'https://agent.example.com/voice', webhook_token: 'sk-secret', area_code: '212', voice_id: 'cgSgspJ2msm6clMCkdW9', metadata: { team: 'sales' } }), 201).data;
    expect(hook).toMatchObject({ mode: 'webhook', webhook_url: 'https://agent.example.com/voice', webhook_token_set: true, voice_id: 'cgSgspJ2msm6clMCkdW9', metadata: { team: 'sales' } });
    expect(JSON.stringify(hook)).not.toContain('sk-secret');

    expect(expectOk(await api.get(`/v1/numbers/${managed.id}`)).data).toEqual(managed);
    const events = expectOk(await api.get('/v1/events?type=number.*')).data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['number.provisioned', 'number.provisioned']);
  });

  it('hands out unique simulated numbers', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 20_000);
    const phones = new Set<string>();
    for (let i = 0; i < 30; i++) phones.add(expectOk(await api.post('/v1/numbers', { system_prompt: 'x', area_code: '512' }), 201).data.phone_number);
    expect(phones.size).toBe(30);
  });

  it('validates the agent configuration', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const noPrompt = await api.post('/v1/numbers', { area_code: '415' });
    expect(noPrompt.status).toBe(422);
    expect(noPrompt.body.error.details).toEqual([{ field: 'system_prompt', error: 'required_for_managed_mode' }]);
    const cases: [unknown, string][] = [
      [{ system_prompt: 'x', area_code: '41' }, 'area_code'],
      [{ system_prompt: 'x', inbound_mode: 'sometimes' }, 'inbound_mode'],
      [{ system_prompt: 'x', metadata: { k: 5 } }, 'metadata.k'],
      [{ system_prompt: 'x', metadata: { ['k'.repeat(41)]: 'v' } }, 'metadata'],
      [{ system_prompt: 'x', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
      [{ webhook_url: 'ftp://agent.example.com' }, 'webhook_url'],
      [{ system_prompt: 'x', language: 'English' }, 'language'],
      [{ system_prompt: '' }, 'system_prompt'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/v1/numbers', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field).join(','), JSON.stringify(body)).toContain(field);
    }
    expect(expectOk(await api.get('/v1/numbers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(1000);
  });

  it('refuses webhook URLs that reach private addresses unless allowed', async () => {
    h = await createHarness({
      env: { AGENTLINE_ALLOW_PRIVATE_URLS: 'false' },
      resolve: async (host) => (host === 'sneaky.example.com' ? ['127.0.0.1'] : ['93.184.216.34']),
    });
    const api = h.api(await h.key());
    await fund(api, 1000);
    for (const url of ['http://127.0.0.1:8080/agent', 'http://169.254.169.254/latest', 'http://[::1]/x', 'http://10.1.2.3/', 'http://100.64.0.1/', 'https://sneaky.example.com/agent', 'http://localhost:3000/agent']) {
      const res = await api.post('/v1/numbers', { webhook_url: url });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ field: 'webhook_url' });
    }
    expect((await api.post('/v1/numbers', { webhook_url: 'https://agent.example.com/voice' })).status).toBe(201);
  });

  it('402 with too little balance, and nothing is created', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const res = await api.post('/v1/numbers', { system_prompt: 'x' });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe('insufficient_credits');
    expect(expectOk(await api.get('/v1/numbers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/events')).data).toEqual([]);
  });

  it('502 carrier_error leaves no number and no charge', async () => {
    const down: Carrier = { name: 'sim', provisionNumber: async () => { throw new CarrierError('No numbers are available in area code 415.', 'no_numbers_available'); }, releaseNumber: async () => {} };
    h = await createHarness({ carriers: { test: down } });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const res = await api.post('/v1/numbers', { system_prompt: 'x', area_code: '415' });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ code: 'carrier_error', message: expect.stringContaining('area code 415') });
    expect(expectOk(await api.get('/v1/numbers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(1000);
  });
});

describe('updating and releasing', () => {
  it('patches fields, merges metadata and switches agent mode', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x', metadata: { a: '1', b: '2' } }), 201).data;
    const patched = expectOk(await api.patch(`/v1/numbers/${num.id}`, { webhook_url: 'https://agent.example.com/v', metadata: { b: '', c: '3' }, inbound_mode: 'off' })).data;
    expect(patched).toMatchObject({ mode: 'webhook', inbound_mode: 'off', metadata: { a: '1', c: '3' }, system_prompt: 'x' });
    const back = expectOk(await api.patch(`/v1/numbers/${num.id}`, { webhook_url: null })).data;
    expect(back.mode).toBe('managed');
    const bad = await api.patch(`/v1/numbers/${num.id}`, { system_prompt: null });
    expect(bad.status).toBe(422);
    expect((await api.patch(`/v1/numbers/${num.id}`, { area_code: '212' })).status).toBe(422);
    expect((await api.patch(`/v1/numbers/${num.id}`, {})).status).toBe(422);
    const types = expectOk(await api.get('/v1/events?type=number.updated')).data;
    expect(types).toHaveLength(2);
  });

  it('releases a number once; a released number cannot be changed', async () => {
    const released: string[] = [];
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    const gone = expectOk(await api.delete(`/v1/numbers/${num.id}`)).data;
    expect(gone).toMatchObject({ status: 'released', release_reason: 'requested', renews_at: null });
    expect(gone.released_at).toBeTruthy();
    expect(expectOk(await api.delete(`/v1/numbers/${num.id}`)).data.released_at).toBe(gone.released_at);
    const patch = await api.patch(`/v1/numbers/${num.id}`, { first_message: 'hi' });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('conflict');
    expect(expectOk(await api.get('/v1/numbers?status=active')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/events?type=number.released')).data).toHaveLength(1);
    expect(released).toEqual([]);
  });

  it('a carrier refusing the release changes nothing', async () => {
    const stubborn: Carrier = { name: 'sim', provisionNumber: async () => ({ phoneNumber: '+14155550199', carrierSid: 'SIMX' }), releaseNumber: async () => { throw new CarrierError('Twilio could not release the number: timeout'); } };
    h = await createHarness({ carriers: { test: stubborn } });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    const res = await api.delete(`/v1/numbers/${num.id}`);
    expect(res.status).toBe(502);
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data.status).toBe('active');
  });
});

describe('monthly renewal', () => {
  it('charges every 30 days, warns once when unpaid and releases after the grace period', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00.000Z');
    h = await createHarness({ clock });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    expect(num.renews_at).toBe('2026-03-31T00:00:00.000Z');
    const deps = { db: h.opened.db, clock, config: h.config, carrierFor: () => ({ name: 'sim', provisionNumber: async () => { throw new Error('unused'); }, releaseNumber: async () => {} }) as Carrier, log: h.app.log };

    clock.advance(29 * DAY);
    expect(await renewDueNumbers(deps)).toEqual({ renewed: 0, released: 0, failed: 0 });
    clock.advance(1 * DAY);
    expect(await renewDueNumbers(deps)).toEqual({ renewed: 1, released: 0, failed: 0 });
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(0);
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data.renews_at).toBe('2026-04-30T00:00:00.000Z');

    clock.advance(30 * DAY);
    expect(await renewDueNumbers(deps)).toEqual({ renewed: 0, released: 0, failed: 1 });
    expect(await renewDueNumbers(deps)).toEqual({ renewed: 0, released: 0, failed: 0 }); // warned once
    clock.advance(7 * DAY);
    expect(await renewDueNumbers(deps)).toEqual({ renewed: 0, released: 1, failed: 0 });
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data).toMatchObject({ status: 'released', release_reason: 'unpaid' });
    const types = expectOk(await api.get('/v1/events?type=number.*')).data.map((e: { type: string }) => e.type);
    expect(types).toEqual(['number.released', 'number.renewal_failed', 'number.renewed', 'number.provisioned']);
    const ledger = expectOk(await api.get('/v1/credits/ledger')).data;
    expect(ledger.reduce((s: number, e: { amount_cents: number }) => s + e.amount_cents, 0)).toBe(0);
  });
});
