import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { sumLedger } from '../../src/credits/ledger-repository.js';

let h: Harness;
afterEach(async () => h?.close());

describe('credits', () => {
  it('buys packs of $10, lists the ledger and keeps the balance equal to its sum', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const bought = expectOk(await api.post('/v1/credits/purchase', { amount_cents: 3000 }), 201).data;
    expect(bought).toMatchObject({ kind: 'purchase', amount_cents: 3000, balance_after_cents: 3000, currency: 'USD', related_resource: null });
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    const balance = expectOk(await api.get('/v1/credits/balance')).data;
    expect(balance).toMatchObject({ balance_cents: 2500, currency: 'USD', livemode: false, prices: { number_monthly_cents: 500, inbound_minute_cents: 3, outbound_minute_cents: 5 } });
    const ledger = expectOk(await api.get('/v1/credits/ledger')).data;
    expect(ledger.map((e: { kind: string }) => e.kind)).toEqual(['number_fee', 'purchase']);
    expect(ledger[0]).toMatchObject({ amount_cents: -500, balance_after_cents: 2500, related_resource: { type: 'number', id: num.id } });
    expect(ledger.reduce((s: number, e: { amount_cents: number }) => s + e.amount_cents, 0)).toBe(balance.balance_cents);
    const filtered = expectOk(await api.get(`/v1/credits/ledger?related_id=${num.id}`)).data;
    expect(filtered).toHaveLength(1);
    const events = expectOk(await api.get('/v1/events?type=credits.purchased')).data;
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ amount_cents: 3000 });
  });

  it('refuses amounts that are not positive multiples of 1000, or above the per-purchase cap', async () => {
    h = await createHarness({ env: { AGENTLINE_MAX_PURCHASE_CENTS: '50000' } });
    const api = h.api(await h.key());
    for (const amount of [0, -1000, 1500, 999, 10.5]) {
      const res = await api.post('/v1/credits/purchase', { amount_cents: amount });
      expect(res.status, String(amount)).toBe(422);
    }
    const cap = await api.post('/v1/credits/purchase', { amount_cents: 60000 });
    expect(cap.status).toBe(422);
    expect(cap.body.error.details[0]).toMatchObject({ field: 'amount_cents', error: 'too_large' });
    expect(expectOk(await api.get('/v1/credits/ledger')).data).toEqual([]);
  });

  it('test and live balances are separate', async () => {
    h = await createHarness();
    const test = h.api(await h.key({ workspace: 'w' }));
    const live = h.api(await h.key({ workspace: 'w', mode: 'live' }));
    await fund(test, 5000);
    expect(expectOk(await live.get('/v1/credits/balance')).data).toMatchObject({ balance_cents: 0, livemode: true });
  });

  it('concurrent purchases all land', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const results = await Promise.all(Array.from({ length: 25 }, () => api.post('/v1/credits/purchase', { amount_cents: 1000 })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(25_000);
  });

  it('concurrent provisions cannot overdraw: exactly as many succeed as the balance pays for', async () => {
    h = await createHarness();
    const { key, workspaceId } = await h.keyWithId();
    const api = h.api(key);
    await fund(api, 2000); // pays for 4 numbers at $5
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => api.post('/v1/numbers', { system_prompt: `agent ${i}` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 402)).toHaveLength(8);
    for (const r of results.filter((x) => x.status === 402)) expect(r.body.error.code).toBe('insufficient_credits');
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(0);
    expect(expectOk(await api.get('/v1/numbers')).data).toHaveLength(4);
    expect(await sumLedger(h.opened.db, { workspaceId, mode: 'test' })).toBe(0);
  });
});

describe('credits.low', () => {
  it('is emitted once when a charge crosses below the threshold, and again after a top-up', async () => {
    h = await createHarness({ env: { AGENTLINE_LOW_BALANCE_CENTS: '800' } });
    const api = h.api(await h.key());
    await fund(api, 2000);
    const provision = () => api.post('/v1/numbers', { system_prompt: 'x' });
    for (let i = 0; i < 3; i++) expectOk(await provision(), 201); // 2000 → 1500 → 1000 → 500 (crosses 800)
    let low = expectOk(await api.get('/v1/events?type=credits.low')).data;
    expect(low).toHaveLength(1);
    expect(low[0].data).toMatchObject({ balance_cents: 500, threshold_cents: 800 });
    expectOk(await provision(), 201); // 0: still below, no second event
    expect(expectOk(await api.get('/v1/events?type=credits.low')).data).toHaveLength(1);
    await fund(api, 1000);
    expectOk(await provision(), 201); // 1000 → 500: a new crossing
    low = expectOk(await api.get('/v1/events?type=credits.low')).data;
    expect(low).toHaveLength(2);
  });
});
