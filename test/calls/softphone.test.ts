import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// Test keys never reach Twilio: the softphone joins a test number through the same session
// code, and test-mode outbound calls ring a registered softphone.

let h: Harness;
let agent: FakeServer;
let api: Api;
let key: string;
let base: string;
afterEach(async () => {
  await h?.close();
  await agent?.close();
});

async function setup(env: Record<string, string> = {}) {
  agent = await startFakeSseAgent();
  h = await createHarness({ env: { AGENTLINE_SIM_RING_MS: '200', ...env } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'dev' });
  api = h.api(key);
  await fund(api, 2000);
  return expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, first_message: 'Hello from the test agent!' }), 201).data;
}

const nextTurn = (p: SoftphoneClient) => new Promise<string>((r) => p.once('turnEnd', r));

describe('softphone', () => {
  it('calls a test number, talks, barges in, and the call is billed against test credits', async () => {
    const num = await setup();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    agent.script((_req, n) => (n === 0 ? { steps: [{ role: true }, { delta: 'Let me tell you a long story ' }, { until: hold }, { done: true }] } : sseReply('Okay, ', 'short version.')));
    const phone = await SoftphoneClient.connect(base, key);
    const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
    const greeting = nextTurn(phone);
    phone.dial(num.phone_number);
    const { call_id } = await connected;
    expect(await greeting).toBe('Hello from the test agent!');

    const firstToken = new Promise<string>((r) => phone.once('token', r));
    phone.say('Tell me a story');
    expect(await firstToken).toBe('Let me tell you a long story ');
    expect(phone.agentSpeaking).toBe(true);
    const reply = nextTurn(phone);
    phone.say('Actually, make it short');
    expect(await reply).toBe('Okay, short version.');
    release();
    expect(agent.requests[1]!.body.messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'Let me tell you a long story ' },
      { role: 'user', content: 'Actually, make it short' },
    ]);
    phone.hangup();

    const call = await eventually(async () => {
      const c = expectOk(await api.get(`/v1/calls/${call_id}`)).data;
      return c.status === 'completed' ? c : null;
    });
    expect(call).toMatchObject({ livemode: false, direction: 'inbound', billed_minutes: 1, cost_cents: 3, end_reason: 'caller_hangup' });
    const t = expectOk(await api.get(`/v1/calls/${call_id}/transcript`)).data.turns;
    expect(t.map((x: { speaker: string; interrupted: boolean }) => [x.speaker, x.interrupted])).toEqual([
      ['agent', false], ['caller', false], ['agent', true], ['caller', false], ['agent', false],
    ]);
    // The interrupted turn was heard: its timings are recorded like a finished turn's.
    expect(t[2]).toMatchObject({ text: 'Let me tell you a long story ', timings: { first_token_ms: expect.any(Number), gateway_added_ms: expect.any(Number) } });
    expect(t[4]).toMatchObject({ timings: { first_token_ms: expect.any(Number), gateway_added_ms: expect.any(Number) } });
  });

  it('test-mode outbound calls ring a registered softphone; otherwise they end as no-answer', async () => {
    const num = await setup();
    agent.script(sseReply('This is your appointment reminder.'));
    const phone = await SoftphoneClient.connect(base, key);
    const registered = new Promise((r) => phone.once('registered', r));
    phone.register('+16289234567');
    await registered;
    const incoming = new Promise<{ call_id: string; from: string }>((r) => phone.once('incoming', r));
    const placed = expectOk(await api.post('/v1/calls', { from: num.id, to: '+16289234567', first_message: 'Hi, this is Acme calling.', metadata: { campaign: 'reminders' } }), 201).data;
    // Queued, or already ringing: on PostgreSQL the softphone may ring before the response is read.
    expect(['queued', 'ringing']).toContain(placed.status);
    expect(placed).toMatchObject({ direction: 'outbound', to: '+16289234567', from: num.phone_number, metadata: { campaign: 'reminders' } });
    const ring = await incoming;
    expect(ring).toMatchObject({ call_id: placed.id, from: num.phone_number });
    const greeting = nextTurn(phone);
    phone.answer();
    expect(await greeting).toBe('Hi, this is Acme calling.');
    const reply = nextTurn(phone);
    phone.say('Who is this?');
    expect(await reply).toBe('This is your appointment reminder.');
    expect(agent.requests[0]!.body.metadata.direction).toBe('outbound');

    const hung = expectOk(await api.post(`/v1/calls/${placed.id}/hangup`)).data;
    expect(hung.id).toBe(placed.id);
    const done = await eventually(async () => {
      const c = expectOk(await api.get(`/v1/calls/${placed.id}`)).data;
      return c.status === 'completed' ? c : null;
    });
    expect(done).toMatchObject({ end_reason: 'hangup_requested', billed_minutes: 1, cost_cents: 5 });

    const unanswered = expectOk(await api.post('/v1/calls', { from: num.id, to: '+16289999999' }), 201).data;
    const ended = await eventually(async () => {
      const c = expectOk(await api.get(`/v1/calls/${unanswered.id}`)).data;
      return c.status === 'no-answer' ? c : null;
    });
    expect(ended).toMatchObject({ cost_cents: 0, end_reason: 'no_answer' });
  });

  it('outbound calls need a minute of credit, an active number of yours and a valid destination', async () => {
    const num = await setup({ AGENTLINE_PRICE_OUTBOUND_MINUTE_CENTS: '2000' });
    const poor = await api.post('/v1/calls', { from: num.id, to: '+16289234567' });
    expect(poor.status).toBe(402);
    expect(poor.body.error.code).toBe('insufficient_credits');
    expect((await api.post('/v1/calls', { from: num.id, to: '555-1234' })).status).toBe(422);
    expect((await api.post('/v1/calls', { from: 'num_00000000000000000000000000', to: '+16289234567' })).status).toBe(404);
    expect(expectOk(await api.get('/v1/calls')).data).toEqual([]);
  });

  it('a live key cannot use the softphone', async () => {
    await setup();
    const live = await h.key({ workspace: 'dev', mode: 'live' });
    const phone = await SoftphoneClient.connect(base, live);
    await phone.closed;
    expect(phone.failures.map((f) => f.code)).toEqual(['test_mode_only']);
  });
});
