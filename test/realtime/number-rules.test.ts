import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// `realtime` numbers run a speech-to-speech model on their system_prompt: a webhook number
// (whose agent speaks text) is refused with 422 on media_mode, on create and PATCH, whichever
// field of the change makes it so, and nothing changes.

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  const api = h.api(await h.key());
  await fund(api, 5000);
  return api;
}

const refusal = { field: 'media_mode', error: 'requires_managed_agent', received: 'realtime' };

describe('realtime numbers', () => {
  it('are managed only: a webhook number is refused on create, nothing bought or charged', async () => {
    const api = await setup();
    const res = await api.post('/v1/numbers', { webhook_url: 'https://agent.example.com/hook', media_mode: 'realtime' });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details).toEqual([refusal]);
    expect(expectOk(await api.get('/v1/numbers')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(5000);
  });

  it('PATCH to realtime on a webhook number, or a webhook on a realtime number, is refused and changes nothing', async () => {
    const api = await setup();
    const hooked = expectOk(await api.post('/v1/numbers', { webhook_url: 'https://agent.example.com/hook', media_mode: 'stream' }), 201).data;
    const toRealtime = await api.patch(`/v1/numbers/${hooked.id}`, { media_mode: 'realtime', endpointing_ms: 900 });
    expect(toRealtime.status).toBe(422);
    expect(toRealtime.body.error.details).toEqual([refusal]);
    expect(expectOk(await api.get(`/v1/numbers/${hooked.id}`)).data).toEqual(hooked);

    const managed = expectOk(await api.post('/v1/numbers', { system_prompt: 'Be brief.', media_mode: 'realtime' }), 201).data;
    const addHook = await api.patch(`/v1/numbers/${managed.id}`, { webhook_url: 'https://agent.example.com/hook' });
    expect(addHook.status).toBe(422);
    expect(addHook.body.error.details).toEqual([refusal]);
    expect(expectOk(await api.get(`/v1/numbers/${managed.id}`)).data).toEqual(managed);

    // Dropping the webhook in the same change makes it managed: allowed.
    const both = await api.patch(`/v1/numbers/${hooked.id}`, { media_mode: 'realtime', webhook_url: null, system_prompt: 'Be brief.' });
    expect(expectOk(both).data).toMatchObject({ media_mode: 'realtime', webhook_url: null });
  });
});
