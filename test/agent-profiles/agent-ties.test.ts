import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// Numbers and calls pointing at a reusable agent, through real softphone calls on loopback.

let h: Harness;
let fake: FakeServer;
let api: Api;
let key: string;
let base: string;
afterEach(async () => {
  await h?.close();
  await fake?.close();
});

async function setup() {
  fake = await startFakeSseAgent();
  h = await createHarness({ env: { AGENTLINE_SIM_RING_MS: '2000' } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'dev' });
  api = h.api(key);
  await fund(api, 3000);
}

const nextTurn = (p: SoftphoneClient) => new Promise<string>((r) => p.once('turnEnd', r));
const finished = (id: string) =>
  eventually(async () => {
    const c = expectOk(await api.get(`/v1/calls/${id}`)).data;
    return c.ended_at ? c : null;
  });

/** Calls `to` from the softphone: the greeting, one caller turn and its reply, then a hang-up. */
async function talk(to: string, say = 'Hello?') {
  const phone = await SoftphoneClient.connect(base, key);
  const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
  const greeting = nextTurn(phone);
  phone.dial(to);
  const { call_id } = await connected;
  const hello = await greeting;
  const reply = nextTurn(phone);
  phone.say(say);
  const answer = await reply;
  phone.hangup();
  await phone.closed;
  return { call: await finished(call_id), hello, answer };
}

describe('numbers on a reusable agent', () => {
  it('an agent reused by two numbers: both run its settings, and a change applies to the next call on each', async () => {
    await setup();
    fake.script(sseReply('Agent here.'));
    const agent = expectOk(await api.post('/v1/agents', {
      name: 'Front Desk',
      config: { webhook_url: `${fake.url}agent`, system_prompt: 'Version one.', first_message: 'Hi from the front desk!' },
    }), 201).data;
    const a = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    const b = expectOk(await api.post('/v1/numbers', { system_prompt: 'My own prompt.', first_message: 'Own greeting.' }), 201).data;
    expect(a).toMatchObject({ agent_id: agent.id, system_prompt: null });
    expect(expectOk(await api.patch(`/v1/numbers/${b.id}`, { agent_id: agent.id })).data.agent_id).toBe(agent.id);

    const first = await talk(a.phone_number);
    expect(first.hello).toBe('Hi from the front desk!');
    expect(first.answer).toBe('Agent here.');
    expect(first.call).toMatchObject({ agent_id: agent.id, agent_mode: 'webhook' });
    expect(fake.requests[0]!.body.messages[0]).toEqual({ role: 'system', content: 'Version one.' });

    expectOk(await api.patch(`/v1/agents/${agent.id}`, { config: { system_prompt: 'Version two.', first_message: 'Second greeting.' } }));
    for (const num of [a, b]) {
      const n = fake.requests.length;
      const next = await talk(num.phone_number);
      expect(next.hello).toBe('Second greeting.');
      expect(fake.requests[n]!.body.messages[0]).toEqual({ role: 'system', content: 'Version two.' });
      expect(fake.requests[n]!.body.metadata.number_id).toBe(num.id);
    }

    // Detached, a number is back on its own settings.
    expectOk(await api.patch(`/v1/numbers/${b.id}`, { agent_id: null }));
    fake.script(sseReply('Own agent.'));
    const own = await talk(b.phone_number);
    expect(own.hello).toBe('Own greeting.');
    expect(own.call.agent_id).toBeNull();

    const stats = expectOk(await api.get(`/v1/agents/${agent.id}`)).data;
    expect(stats.stats).toMatchObject({ calls_handled: 3, escalations: 0, last_active_at: expect.any(String) });
    expect(stats.numbers).toEqual([a.id]);
    expect(stats.last_active_at).toBe(stats.stats.last_active_at);
  });

  it('a paused agent\'s numbers answer "unavailable", hang up and charge nothing; its SMS get no reply', async () => {
    await setup();
    const agent = expectOk(await api.post('/v1/agents', { name: 'Night Shift', config: { webhook_url: `${fake.url}agent` } }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    expectOk(await api.patch(`/v1/agents/${agent.id}`, { status: 'paused' }));
    const balance = expectOk(await api.get('/v1/credits/balance')).data.balance_cents;

    const phone = await SoftphoneClient.connect(base, key);
    const line = nextTurn(phone);
    const ended = new Promise<{ reason: string }>((r) => phone.once('end', r));
    phone.dial(num.phone_number);
    expect(await line).toBe('Sorry, we are unavailable right now. Please call again later. Goodbye.');
    expect((await ended).reason).toBe('refused_agent_unavailable');
    const [call] = expectOk(await api.get('/v1/calls')).data;
    expect(call).toMatchObject({ end_reason: 'refused_agent_unavailable', billed_minutes: 0, cost_cents: 0, agent_id: agent.id });

    const inbound = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'Anyone there?' }), 201).data;
    await new Promise((r) => setTimeout(r, 300));
    expect(expectOk(await api.get('/v1/sms')).data.map((m: { id: string }) => m.id)).toEqual([inbound.id]);
    expect(fake.requests).toHaveLength(0);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(balance);

    const out = await api.post('/v1/calls', { from: num.id, to: '+16289234567' });
    expect(out.status, out.text).toBe(409);
    expect(out.body.error.details[0]).toMatchObject({ error: 'agent_unavailable' });
  });

  it('an archived or unknown agent cannot be attached (422); an agent in use cannot be archived (409)', async () => {
    await setup();
    const agent = expectOk(await api.post('/v1/agents', { name: 'Old', config: { system_prompt: 'p' } }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    const inUse = await api.patch(`/v1/agents/${agent.id}`, { status: 'archived' });
    expect(inUse.status, inUse.text).toBe(409);
    expect(inUse.body.error.details[0]).toMatchObject({ error: 'agent_in_use', numbers: [num.id] });
    expectOk(await api.patch(`/v1/numbers/${num.id}`, { agent_id: null, system_prompt: 'Mine now.' }));
    expectOk(await api.patch(`/v1/agents/${agent.id}`, { status: 'archived' }));

    const before = expectOk(await api.get('/v1/numbers')).data.length;
    for (const res of [
      await api.post('/v1/numbers', { agent_id: agent.id }),
      await api.patch(`/v1/numbers/${num.id}`, { agent_id: agent.id }),
      await api.post('/v1/calls', { from: num.id, to: '+16289234567', agent_id: agent.id }),
    ]) {
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ field: 'agent_id', error: 'agent_archived' });
    }
    const unknown = await api.post('/v1/numbers', { agent_id: 'agt_00000000000000000000000000' });
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'agent_id', error: 'not_found' });
    const other = h.api(await h.key({ workspace: 'other' }));
    await fund(other, 1000);
    expect((await other.post('/v1/numbers', { agent_id: agent.id })).status).toBe(422);
    expect(expectOk(await api.get('/v1/numbers')).data.length).toBe(before);
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data.agent_id).toBeNull();
  });

  it('an outbound call placed with agent_id runs that agent; stats count transfers, tool calls, tasks and SMS replies', async () => {
    await setup();
    const agent = expectOk(await api.post('/v1/agents', {
      name: 'Reminders', config: { webhook_url: `${fake.url}agent`, first_message: 'Hi, this is your reminder.' },
    }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'Own.', first_message: 'Own greeting.' }), 201).data;

    const phone = await SoftphoneClient.connect(base, key);
    const registered = new Promise((r) => phone.once('registered', r));
    phone.register('+16289234567');
    await registered;
    const incoming = new Promise((r) => phone.once('incoming', r));
    const placed = expectOk(await api.post('/v1/calls', { from: num.id, to: '+16289234567', agent_id: agent.id }), 201).data;
    expect(placed.agent_id).toBe(agent.id);
    await incoming;
    const greeting = nextTurn(phone);
    phone.answer();
    expect(await greeting).toBe('Hi, this is your reminder.');
    fake.script({ steps: [
      { role: true },
      { toolCall: { index: 0, id: 'c1', name: 'transfer_call', arguments: '{"to":"+15555550199","message":"Connecting you."}' } },
      { finish: 'tool_calls' },
      { done: true },
    ] });
    const ended = new Promise<{ reason: string }>((r) => phone.once('end', r));
    phone.say('Put me through to a person.');
    expect((await ended).reason).toBe('transferred');
    const call = await finished(placed.id);
    expect(call).toMatchObject({ end_reason: 'transferred', agent_id: agent.id });

    // An SMS the agent answers (through a number that now points at it), and tasks about its work.
    expectOk(await api.patch(`/v1/numbers/${num.id}`, { agent_id: agent.id }));
    fake.script(sseReply('Your appointment is at 3pm.'));
    const inbound = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'When is it?' }), 201).data;
    await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data.find((m: { agent_reply: boolean }) => m.agent_reply));
    const t1 = expectOk(await api.post('/v1/tasks', { title: 'Call back', assignee_id: agent.id }), 201).data;
    expectOk(await api.post('/v1/tasks', { title: 'About the call', related_resource_type: 'call', related_resource_id: placed.id }), 201);
    expectOk(await api.post('/v1/tasks', { title: 'Unrelated' }), 201);
    expectOk(await api.patch(`/v1/tasks/${t1.id}`, { status: 'completed' }));
    expect(inbound.id).toMatch(/^sms_/);

    const got = expectOk(await api.get(`/v1/agents/${agent.id}`)).data;
    expect(got.stats).toEqual({
      calls_handled: 1, sms_handled: 1, active_tasks: 1, completed_tasks: 1, completion_rate: 50, escalations: 1, total_actions: 1,
      last_active_at: expect.any(String),
    });
    expect(got.active_tasks).toBe(1);
    const listed = expectOk(await api.get('/v1/agents')).data[0];
    expect(listed).toMatchObject({ id: agent.id, active_tasks: 1, last_active_at: got.stats.last_active_at });
  });

  it('an agent\'s tool switches: call control off leaves end_call and transfer_call out of its calls', async () => {
    await setup();
    fake.script(sseReply('No tools here.'));
    const agent = expectOk(await api.post('/v1/agents', {
      name: 'Plain', config: { webhook_url: `${fake.url}agent`, first_message: 'Hi.', tools: { call_control: { enabled: false } } },
    }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    // A PATCH of the number's own fields keeps its agent.
    expect(expectOk(await api.patch(`/v1/numbers/${num.id}`, { metadata: { team: 'a' } })).data.agent_id).toBe(agent.id);
    await talk(num.phone_number);
    const names = (fake.requests[0]!.body.tools ?? []).map((t: { function: { name: string } }) => t.function.name);
    expect(names).not.toContain('end_call');
    expectOk(await api.patch(`/v1/agents/${agent.id}`, { config: { tools: null } }));
    await talk(num.phone_number);
    expect(fake.requests[1]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(expect.arrayContaining(['end_call', 'transfer_call']));
  });
});
