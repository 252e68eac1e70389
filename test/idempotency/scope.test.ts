import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// An Idempotency-Key is scoped by the route that matched and its decoded parameters, so every
// spelling of one URL shares it (a percent-encoded letter used to make a new scope: three charges).

let h: Harness;
afterEach(async () => h?.close());

describe('idempotency scope', () => {
  it('the same key and body on three spellings of /v1/credits/purchase charge once and replay twice', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const body = { amount_cents: 2000 };
    const spellings = ['/v1/credits/purchase', '/v1/credits/purchas%65', '/v1/%63redits/purchase'];
    const answers = [];
    for (const url of spellings) answers.push(await api.post(url, body, { 'idempotency-key': 'spell-1' }));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(answers.map((r) => r.headers['idempotent-replayed'] ?? null)).toEqual([null, 'true', 'true']);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(2000);
    const purchases = expectOk(await api.get('/v1/credits/ledger')).data.filter((e: { kind: string }) => e.kind === 'purchase');
    expect(purchases).toHaveLength(1);
  });

  it('path parameters are part of the scope, decoded: one key on two numbers is two requests', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 2000);
    const a = expectOk(await api.post('/v1/numbers', { system_prompt: 'a' }), 201).data;
    const b = expectOk(await api.post('/v1/numbers', { system_prompt: 'b' }), 201).data;
    const patch = { first_message: 'Hello there' };
    const first = await api.patch(`/v1/numbers/${a.id}`, patch, { 'idempotency-key': 'p-1' });
    expect(first.status).toBe(200);
    // The same number spelled with a percent-encoded letter replays...
    const encoded = `/v1/numbers/%6E${a.id.slice(1)}`;
    const replay = await api.patch(encoded, patch, { 'idempotency-key': 'p-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    // ...while the other number is its own request.
    const other = await api.patch(`/v1/numbers/${b.id}`, patch, { 'idempotency-key': 'p-1' });
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.data.id).toBe(b.id);
  });
});
