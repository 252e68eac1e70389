import { afterEach, describe, expect, it } from 'vitest';
import { likePattern, searchPattern } from '../../src/agent-profiles/wildcard.js';
import { kebabOf } from '../../src/agent-profiles/agent-service.js';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  return h.api(await h.key({ workspace: 'acme' }));
}

const create = async (api: Api, body: Record<string, unknown>) => expectOk(await api.post('/v1/agents', { config: { system_prompt: 'You help.' }, ...body }), 201).data;

describe('wildcards', () => {
  it('turn * and ? into LIKE patterns and escape LIKE\'s own characters', () => {
    expect(likePattern('inbox*')).toBe('inbox%');
    expect(likePattern('sup?ort')).toBe('sup_ort');
    expect(likePattern('100%_off\\')).toBe('100\\%\\_off\\\\');
    expect(searchPattern('Manager')).toBe('%manager%');
    expect(searchPattern('*manager*')).toBe('%manager%');
  });
  it('role ids default to the kebab-case of the name', () => {
    expect(kebabOf('Front Desk (EN)')).toBe('front-desk-en');
    expect(kebabOf('Café Hôte')).toBe('cafe-hote');
    expect(kebabOf('!!!')).toBe('agent');
  });
});

describe('agents', () => {
  it('creates an agent with the seed\'s config, reads it with stats, and hides the webhook token', async () => {
    const api = await setup();
    const agent = await create(api, {
      name: 'Inbox Manager',
      kind: 'inbox-manager',
      avatar_url: '/avatars/agent-avatar.png',
      config: {
        persona: { tone: 'professional', traits: ['helpful', 'efficient'], bio: 'I help manage your inbox...', signature: 'Best regards,\nInbox Manager' },
        tools: { email: { enabled: true }, calendar: { enabled: false } },
        context: { enabled: true, namespace: 'identity-id:agent-id' },
        webhook_url: 'https://agents.example.com/inbox',
        webhook_token: 'sekrit',
        knowledge: { collection_id: 'col_123' },
      },
    });
    expect(agent).toMatchObject({
      id: expect.stringMatching(/^agt_/), name: 'Inbox Manager', kind: 'inbox-manager', role_id: 'inbox-manager', status: 'active',
      avatar_url: '/avatars/agent-avatar.png', mode: 'webhook', livemode: false, active_tasks: 0, last_active_at: null, numbers: [],
    });
    expect(agent.config).toMatchObject({ persona: { tone: 'professional' }, tools: { calendar: { enabled: false } }, webhook_token_set: true, knowledge: { collection_id: 'col_123' } });
    expect(JSON.stringify(agent)).not.toContain('sekrit');
    const got = expectOk(await api.get(`/v1/agents/${agent.id}`)).data;
    expect(got.stats).toEqual({ calls_handled: 0, sms_handled: 0, active_tasks: 0, completed_tasks: 0, completion_rate: null, escalations: 0, total_actions: 0, last_active_at: null });
    const events = expectOk(await api.get('/v1/events?type=agent.created')).data;
    expect(events[0].data).toMatchObject({ id: agent.id });
    expect(JSON.stringify(events)).not.toContain('sekrit');
  });

  it('refuses bad agents with our errors and changes nothing', async () => {
    const api = await setup();
    const bad = async (body: unknown, status = 422) => {
      const res = await api.post('/v1/agents', body);
      expect(res.status, res.text).toBe(status);
      return res.body.error;
    };
    expect((await bad({ name: 'No brain' })).details[0]).toMatchObject({ field: 'config.system_prompt', error: 'required_for_managed_agent' });
    await bad({ name: 'x', role_id: 'Not Kebab', config: { system_prompt: 'p' } });
    await bad({ name: 'x', status: 'sleeping', config: { system_prompt: 'p' } });
    await bad({ name: 'x', config: { system_prompt: 'p', unknown: 1 } });
    await bad({ name: 'x', config: { webhook_url: 'https://a.example.com', media_mode: 'realtime' } });
    await create(api, { name: 'Front Desk' });
    expect((await bad({ name: 'Front desk', role_id: 'front-desk', config: { system_prompt: 'p' } }, 409)).details[0]).toMatchObject({ field: 'role_id', error: 'already_exists' });
    expect(expectOk(await api.get('/v1/agents')).total).toBe(1);
  });

  it('lists with status, kind and query wildcards, offset or cursor pages, count, total, pagination and filters', async () => {
    const api = await setup();
    await create(api, { name: 'Inbox Manager', kind: 'inbox-manager' });
    await create(api, { name: 'Support Desk', kind: 'support', role_id: 'support-desk' });
    await create(api, { name: 'Sales Manager', kind: 'sales', status: 'paused' });
    await create(api, { name: 'Inbox Triage', kind: 'inbox-triage' });
    await create(api, { name: 'Night Support', kind: 'support', status: 'archived' });

    const all = expectOk(await api.get('/v1/agents'));
    expect(all).toMatchObject({ count: 5, total: 5, pagination: { limit: 50, offset: 0, has_more: false }, filters: {}, next_cursor: null });
    expect(all.data.map((a: { name: string }) => a.name)).toEqual(['Night Support', 'Inbox Triage', 'Sales Manager', 'Support Desk', 'Inbox Manager']);

    const names = async (qs: string) => expectOk(await api.get(`/v1/agents?${qs}`)).data.map((a: { name: string }) => a.name);
    expect(await names('query=*manager*')).toEqual(['Sales Manager', 'Inbox Manager']);
    expect(await names('q=manager')).toEqual(['Sales Manager', 'Inbox Manager']);
    expect(await names('status=active')).toEqual(['Inbox Triage', 'Support Desk', 'Inbox Manager']);
    expect(await names('kind=inbox*')).toEqual(['Inbox Triage', 'Inbox Manager']);
    expect(await names('kind=inbox')).toEqual([]);
    expect(await names('kind=support')).toEqual(['Night Support', 'Support Desk']);
    expect(await names('query=inbox-?anager')).toEqual(['Inbox Manager']);
    expect(await names('query=%25')).toEqual([]);

    const combined = expectOk(await api.get('/v1/agents?status=active&query=*support*&limit=10&offset=0'));
    expect(combined).toMatchObject({ count: 1, total: 1, pagination: { limit: 10, offset: 0, has_more: false }, filters: { query: '*support*', status: 'active' } });

    const p1 = expectOk(await api.get('/v1/agents?limit=2&offset=1'));
    expect(p1).toMatchObject({ count: 2, total: 5, pagination: { limit: 2, offset: 1, has_more: true } });
    expect(p1.data.map((a: { name: string }) => a.name)).toEqual(['Inbox Triage', 'Sales Manager']);
    const c1 = expectOk(await api.get('/v1/agents?limit=2'));
    const c2 = expectOk(await api.get(`/v1/agents?limit=2&cursor=${c1.next_cursor}`));
    expect(c2.data.map((a: { name: string }) => a.name)).toEqual(['Sales Manager', 'Support Desk']);
    // Query-string errors are 400s here, like every list's.
    expect((await api.get(`/v1/agents?limit=2&offset=2&cursor=${c1.next_cursor}`)).body.error).toMatchObject({ code: 'bad_request', details: [{ field: 'offset' }] });
    expect((await api.get('/v1/agents?status=sleeping')).status).toBe(400);
    expect((await api.get('/v1/agents?limit=101')).status).toBe(400);
  });

  it('PATCH merges config key by key, emits agent.updated, and another workspace sees a 404', async () => {
    const api = await setup();
    const agent = await create(api, { name: 'Concierge', config: { system_prompt: 'Be kind.', voice_id: 'alloy', persona: { tone: 'warm' } } });
    const updated = expectOk(await api.patch(`/v1/agents/${agent.id}`, { config: { voice_id: null, first_message: 'Welcome!' }, status: 'paused' })).data;
    expect(updated.config).toEqual({ system_prompt: 'Be kind.', persona: { tone: 'warm' }, first_message: 'Welcome!' });
    expect(updated.status).toBe('paused');
    expect((await api.patch(`/v1/agents/${agent.id}`, { config: { system_prompt: null } })).status).toBe(422);
    expect(expectOk(await api.get(`/v1/events?type=agent.updated`)).data[0].data).toMatchObject({ id: agent.id, status: 'paused', previous_status: 'active' });
    const other = h.api(await h.key({ workspace: 'other' }));
    expect((await other.get(`/v1/agents/${agent.id}`)).status).toBe(404);
    expect((await other.patch(`/v1/agents/${agent.id}`, { name: 'mine' })).status).toBe(404);
    expect(expectOk(await other.get('/v1/agents')).total).toBe(0);
  });

  it('an Idempotency-Key replays the create instead of making a second agent', async () => {
    const api = await setup();
    const body = { name: 'Replay', config: { system_prompt: 'p' } };
    const first = await api.post('/v1/agents', body, { 'idempotency-key': 'k1' });
    const second = await api.post('/v1/agents', body, { 'idempotency-key': 'k1' });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.data.id).toBe(first.body.data.id);
    expect(expectOk(await api.get('/v1/agents')).total).toBe(1);
  });
});
