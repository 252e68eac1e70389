import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, type Harness } from '../helpers/harness.js';

// Install tokens (seed 000): a key mints a single-use ist_ token; the exchange trades it, with no
// other credential, for a new key of the same workspace, mode and scopes.

let h: Harness;
afterEach(async () => h?.close());

const exchange = (body: unknown, headers: Record<string, string> = {}) =>
  h.request({ method: 'POST', url: '/v1/auth/install-token/exchange', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

describe('install tokens', () => {
  it('mints a 5-minute single-use token; the exchange returns a working key with the minter\'s scopes', async () => {
    h = await createHarness();
    const { key, id: minterId, workspaceId } = await h.keyWithId({ workspace: 'acme', scopes: ['crm:write', 'calls:read'] });
    const api = h.api(key);
    const minted = expectOk(await api.post('/v1/auth/install-token'), 201).data;
    expect(minted).toMatchObject({ token: expect.stringMatching(/^ist_[A-Za-z0-9_-]{43}$/), workspace_id: workspaceId, mode: 'test', scopes: ['crm:write', 'calls:read'], read_only: false });
    expect(Date.parse(minted.expires_at) - Date.now()).toBeGreaterThan(4.9 * 60_000);
    expect(Date.parse(minted.expires_at) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    // Only a hash is stored.
    const rows = await h.opened.db.selectFrom('install_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(minted.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const res = await exchange({ token: minted.token, label: 'CLI' });
    expect(res.status, res.text).toBe(201);
    const issued = res.body.data;
    expect(issued).toMatchObject({
      access_token: expect.stringMatching(/^al_test_[0-9A-Za-z]{32}$/),
      token_type: 'bearer',
      key: { id: expect.stringMatching(/^key_/), label: 'CLI', mode: 'test', scopes: ['crm:write', 'calls:read'], read_only: false },
      workspace: { id: workspaceId, name: 'acme' },
    });
    expect(issued.access_token).not.toBe(key);
    const me = expectOk(await h.api(issued.access_token).get('/v1/me')).data;
    expect(me).toMatchObject({ key: { id: issued.key.id, scopes: ['crm:write', 'calls:read'] }, workspace: { id: workspaceId } });
    expect((await h.api(issued.access_token).get('/v1/contacts')).status).toBe(200);
    expect((await h.api(issued.access_token).get('/v1/numbers')).status).toBe(403); // no wider than the minter

    const admin = h.api(await h.key({ workspace: 'acme' }));
    const events = expectOk(await admin.get('/v1/events?type=auth.install_token.exchanged')).data;
    expect(events.map((e: { data: Record<string, unknown> }) => e.data)).toEqual([expect.objectContaining({ key_id: issued.key.id, label: 'CLI', minted_by_key_id: minterId })]);
  });

  it('a replayed token answers 401 and writes an audit event; the first key keeps working', async () => {
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'acme' }));
    const { token } = expectOk(await api.post('/v1/auth/install-token'), 201).data;
    const first = expectOk(await exchange({ token, label: 'laptop' }), 201).data;
    const replay = await exchange({ token, label: 'attacker' });
    expect(replay.status, replay.text).toBe(401);
    expect(replay.body.error).toMatchObject({ code: 'token_invalid', message: expect.stringContaining('already been used') });
    expect(replay.body.request_id).toBe(replay.headers['x-request-id']);
    const audit = expectOk(await api.get('/v1/events?type=auth.install_token.replayed')).data;
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ issued_key_id: first.key.id, label: 'attacker', ip: expect.any(String), first_used_at: expect.any(String) });
    expect((await h.api(first.access_token).get('/v1/me')).status).toBe(200);
    const keys = await h.opened.db.selectFrom('api_keys').select('label').where('label', 'is not', null).execute();
    expect(keys).toEqual([{ label: 'laptop' }]);
  });

  it('single use holds when exchanges race: exactly one key', async () => {
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'acme' }));
    const { token } = expectOk(await api.post('/v1/auth/install-token'), 201).data;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => exchange({ token, label: `racer ${i}` })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 401, 401, 401, 401, 401]);
    expect(await h.opened.db.selectFrom('api_keys').select('id').where('label', 'is not', null).execute()).toHaveLength(1);
    expect(expectOk(await api.get('/v1/events?type=auth.install_token.replayed')).data).toHaveLength(5);
  });

  it('an expired, unknown or malformed token answers 401; a revoked minter\'s token buys nothing', async () => {
    h = await createHarness();
    const { key, id } = await h.keyWithId({ workspace: 'acme' });
    const api = h.api(key);
    const { token } = expectOk(await api.post('/v1/auth/install-token'), 201).data;
    h.clock.advance(5 * 60_000 + 1);
    const expired = await exchange({ token });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'token_invalid', message: expect.stringContaining('expired') });
    for (const bad of [`ist_${'A'.repeat(43)}`, 'ist_short', 'al_test_notatoken']) {
      const res = await exchange({ token: bad });
      expect(res.status, bad).toBe(401);
      expect(res.body.error.code).toBe('token_invalid');
    }
    const fresh = expectOk(await api.post('/v1/auth/install-token'), 201).data.token;
    await h.revoke(id);
    expect((await exchange({ token: fresh })).status).toBe(401);
    expect(expectOk(await h.api(await h.key({ workspace: 'acme' })).get('/v1/events?type=auth.install_token.exchanged')).data).toEqual([]);
  });

  it('keys of each mode mint tokens of their mode; read-only keys cannot mint; bodies are checked', async () => {
    h = await createHarness();
    const live = h.api(await h.key({ workspace: 'acme', mode: 'live' }));
    const { token } = expectOk(await live.post('/v1/auth/install-token', {}), 201).data;
    expect(expectOk(await exchange({ token }), 201).data).toMatchObject({ access_token: expect.stringMatching(/^al_live_/), key: { mode: 'live', label: 'CLI' } });
    const ro = await h.api(await h.key({ workspace: 'acme', readOnly: true })).post('/v1/auth/install-token');
    expect(ro.status).toBe(403);
    expect((await live.post('/v1/auth/install-token', { scopes: ['*'] })).status).toBe(422);
    expect((await h.api(null).post('/v1/auth/install-token')).status).toBe(401);
    expect((await exchange({ label: 'x' })).status).toBe(422);
    expect((await exchange({ token, label: 'x', extra: 1 })).status).toBe(422);
    const noJson = await h.request({ method: 'POST', url: '/v1/auth/install-token/exchange', headers: { 'content-type': 'text/plain' }, payload: token });
    expect(noJson.status).toBe(415);
  });

  it('Idempotency-Key does not store the token: a retry mints a fresh one', async () => {
    h = await createHarness();
    const api = h.api(await h.key({ workspace: 'acme' }));
    const a = expectOk(await api.post('/v1/auth/install-token', undefined, { 'idempotency-key': 'k1' }), 201).data;
    const b = await api.post('/v1/auth/install-token', undefined, { 'idempotency-key': 'k1' });
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.data.token).not.toBe(a.token);
    const stored = await h.opened.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(a.token);
  });

  it('limits exchange attempts per client IP: 429 with Retry-After', async () => {
    h = await createHarness({ env: { AGENTLINE_INSTALL_TOKEN_EXCHANGES_PER_MINUTE: '3' } });
    const api = h.api(await h.key({ workspace: 'acme' }));
    const { token } = expectOk(await api.post('/v1/auth/install-token'), 201).data;
    for (let i = 0; i < 3; i++) {
      const res = await exchange({ token: `ist_${String(i).repeat(43)}` });
      expect(res.status).toBe(401);
      expect(res.headers['ratelimit-limit']).toBe('3');
    }
    const limited = await exchange({ token });
    expect(limited.status, limited.text).toBe(429);
    expect(limited.body.error.code).toBe('rate_limit_exceeded');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // From another address the token still works (it was never spent).
    const elsewhere = await h.request({ method: 'POST', url: '/v1/auth/install-token/exchange', remoteAddress: '10.1.2.3', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ token }) });
    expect(elsewhere.status, elsewhere.text).toBe(201);
  });
});
