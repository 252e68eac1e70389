import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIClient } from '../../src/agents/managed-agent.js';
import { main } from '../../src/cli/index.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import type { FakeServer, SseStep } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';

let h: Harness;
let openai: FakeServer | undefined;
let api: Api;
let key: string;
let base: string;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  await openai?.close();
  openai = undefined;
});

async function setup() {
  openai = await startFakeOpenAI();
  h = await createHarness({ openai: createOpenAIClient({ apiKey: 'sk-test', baseURL: openai.url, timeoutMs: 10_000 }) });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'acme' });
  api = h.api(key);
  await fund(api, 5000);
}

/** A reply followed by the usage-only chunk OpenAI streams when asked for `include_usage`. */
const replyWithUsage = (text: string, prompt: number, completion: number) => ({
  steps: [
    { role: true }, { delta: text }, { finish: 'stop' },
    { raw: `data: ${JSON.stringify({ id: 'chatcmpl-u', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } })}\n\n` },
    { done: true },
  ] as SseStep[],
});

/** `agentline …` in-process on the harness's database file; returns its exit code and stdout. */
async function agentline(...args: string[]) {
  // The operator's CLI on the harness's own database: its SQLite file, or its PostgreSQL schema.
  const previous = process.env.AGENTLINE_DB;
  const previousUrl = process.env.AGENTLINE_DATABASE_URL;
  process.env.AGENTLINE_DB = h.config.dbPath;
  if (h.config.databaseUrl) process.env.AGENTLINE_DATABASE_URL = h.config.databaseUrl;
  let stdout = '';
  let stderr = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
    if (previous === undefined) delete process.env.AGENTLINE_DB;
    else process.env.AGENTLINE_DB = previous;
    if (previousUrl === undefined) delete process.env.AGENTLINE_DATABASE_URL;
    else process.env.AGENTLINE_DATABASE_URL = previousUrl;
  }
}

async function softphoneCall(to: string, say: string) {
  const phone = await SoftphoneClient.connect(base, key);
  const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
  const first = new Promise<string>((r) => phone.once('turnEnd', r));
  phone.dial(to);
  const { call_id } = await connected;
  await first;
  const reply = new Promise<string>((r) => phone.once('turnEnd', r));
  phone.say(say);
  const text = await reply;
  phone.hangup();
  await phone.closed;
  await eventually(async () => expectOk(await api.get(`/v1/calls/${call_id}`)).data.ended_at);
  return { call_id, text };
}

describe('usage tracking', () => {
  it('track accepts the seed\'s token_usage and agent_execution records, validated and idempotent; stats adds them up', async () => {
    await setup();
    const agent = expectOk(await api.post('/v1/agents', { name: 'Inbox Manager', config: { webhook_url: 'https://agents.example.com/x' } }), 201).data;
    const identity = expectOk(await api.get('/v1/identity')).data;
    const tokenUsage = {
      type: 'token_usage', identity_id: identity.id, prompt_tokens: 100, completion_tokens: 50, total_tokens: 150, model: 'gpt-4', provider: 'openai',
      usage_type: 'workflow', operation: 'email_processing', agent_id: agent.id, conversation_id: 'conversation-id', task_id: 'task-id',
      metadata: { workflow: 'inbox-manager', step: 'analyze_email' },
    };
    const first = await api.post('/v1/usage/track', tokenUsage, { 'idempotency-key': 'u1' });
    expect(first.status, first.text).toBe(201);
    expect(first.body.data).toMatchObject({ id: expect.stringMatching(/^use_/), type: 'token_usage', source: 'api', agent_id: agent.id, total_tokens: 150, model: 'gpt-4', metadata: { step: 'analyze_email' }, created_at: expect.any(String) });
    const replay = await api.post('/v1/usage/track', tokenUsage, { 'idempotency-key': 'u1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.data.id).toBe(first.body.data.id);
    expect((await api.post('/v1/usage/track', { ...tokenUsage, total_tokens: 1 }, { 'idempotency-key': 'u1' })).status).toBe(409);

    const execution = expectOk(await api.post('/v1/usage/track', {
      type: 'agent_execution', identity_id: identity.id, agent_id: agent.id, status: 'completed', operation: 'send_email',
      conversation_id: 'conversation-id', task_id: 'task-id', message_id: 'message-id', result: { success: true, emailSent: true },
      metadata: { workflow: 'inbox-manager', duration: 1.5 },
    }), 201).data;
    expect(execution).toMatchObject({ type: 'agent_execution', status: 'completed', result: { success: true, emailSent: true } });
    expectOk(await api.post('/v1/usage/track', { type: 'token_usage', prompt_tokens: 7, completion_tokens: 3, model: 'm' }), 201);

    const bad = async (body: unknown, field?: string) => {
      const res = await api.post('/v1/usage/track', body);
      expect(res.status, res.text).toBe(422);
      if (field) expect(res.body.error.details[0].field).toBe(field);
    };
    await bad({ ...tokenUsage, total_tokens: 151 }, 'total_tokens');
    await bad({ type: 'token_usage', model: 'm', prompt_tokens: 1 }, 'total_tokens');
    await bad({ ...tokenUsage, agent_id: 'agt_00000000000000000000000000' }, 'agent_id');
    await bad({ ...tokenUsage, identity_id: 'idn_00000000000000000000000000' }, 'identity_id');
    await bad({ type: 'agent_execution', status: 'completed' });
    await bad({ type: 'agent_execution', agent_id: agent.id, status: 'exploded' });
    await bad({ type: 'page_view', total_tokens: 1, model: 'm' });
    await bad({ ...tokenUsage, prompt_tokens: -1 });

    const stats = expectOk(await api.get('/v1/usage/stats')).data;
    expect(stats).toMatchObject({
      plan: 'unlimited', enforcement: 'warn', period: { start: expect.any(String), end: expect.any(String) },
      token_usage: { current: 160, limit: null, percentage: null, formatted: '160 / unlimited' },
      executions: { current: 1, limit: null, percentage: null, formatted: '1 / unlimited' },
      minutes: { current: 0 }, sms_segments: { current: 0 }, numbers: { current: 0 },
    });
    expect(expectOk(await api.get('/v1/usage/stats?period=2020-01')).data.token_usage.current).toBe(0);
    expect((await api.get('/v1/usage/stats?period=2020-13')).status).toBe(400);
    const other = h.api(await h.key({ workspace: 'other' }));
    expect(expectOk(await other.get('/v1/usage/stats')).data.token_usage.current).toBe(0);
  });

  it('records a managed agent\'s token usage from the model\'s usage figures on every call, SMS and chat turn', async () => {
    await setup();
    const agent = expectOk(await api.post('/v1/agents', { name: 'Receptionist', config: { system_prompt: 'You answer for Acme.', first_message: 'Acme!' } }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agent.id }), 201).data;
    openai!.script(replyWithUsage('Hello there.', 42, 8));
    const { call_id, text } = await softphoneCall(num.phone_number, 'Hi');
    expect(text).toBe('Hello there.');
    expect(openai!.requests[0]!.body.stream_options).toEqual({ include_usage: true });

    openai!.script(replyWithUsage('Texting back.', 30, 5));
    const sms = expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'Hello by text' }), 201).data;
    await eventually(async () => expectOk(await api.get('/v1/usage/stats')).data.token_usage.current === 85);

    // Talking to the agent in the API's chat counts too, against the conversation.
    openai!.script(replyWithUsage('Chatting back.', 12, 3));
    const chat = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi in chat', conversation_id: 'session_u1' });
    expect(chat.status, chat.text).toBe(200);
    await eventually(async () => expectOk(await api.get('/v1/usage/stats')).data.token_usage.current === 100);

    const rows = await h.opened.db.selectFrom('usage_records').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.source, r.agent_id, r.related_type, r.related_id, Number(r.prompt_tokens), Number(r.completion_tokens), Number(r.total_tokens), r.model])).toEqual([
      ['managed', agent.id, 'call', call_id, 42, 8, 50, 'fake-model'],
      ['managed', agent.id, 'sms', sms.id, 30, 5, 35, 'fake-model'],
      ['managed', agent.id, 'chat', 'session_u1', 12, 3, 15, 'fake-model'],
    ]);
    expect(rows[2]).toMatchObject({ usage_type: 'chat', operation: 'chat_reply', conversation_id: 'session_u1' });
    const stats = expectOk(await api.get('/v1/usage/stats')).data;
    expect(stats).toMatchObject({ minutes: { current: 1 }, sms_segments: { current: 1 }, numbers: { current: 1 } });
  });
});

describe('plan limits', () => {
  it('the operator sets limits with `agentline plans`; a blocking minutes limit refuses new calls with 402, inbound ones with a line', async () => {
    await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You help.', first_message: 'Hello!' }), 201).data;
    expect(await agentline('plans', 'set', '--workspace', 'nope', '--minutes', '1')).toMatchObject({ code: 1, stderr: 'agentline: No workspace "nope" (there are: acme).\n' });
    expect(await agentline('plans', 'set', '--workspace', 'acme', '--minutes', 'lots')).toMatchObject({ code: 2, stderr: expect.stringContaining('--minutes takes a whole number or "none"') });
    const set = await agentline('plans', 'set', '--workspace', 'acme', '--plan', 'starter', '--minutes', '1', '--tokens', '1000000', '--enforce', 'block', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ workspace: 'acme', plan: 'starter', enforcement: 'block', limits: { minutes: 1, tokens: 1_000_000, executions: null } });

    openai!.script(replyWithUsage('Sure.', 40_000, 10_000));
    await softphoneCall(num.phone_number, 'One call');
    const stats = expectOk(await api.get('/v1/usage/stats')).data;
    expect(stats).toMatchObject({
      plan: 'starter', enforcement: 'block',
      minutes: { current: 1, limit: 1, percentage: 100, formatted: '1 / 1' },
      token_usage: { current: 50_000, limit: 1_000_000, percentage: 5, formatted: '50K / 1M' },
    });

    const refused = await api.post('/v1/calls', { from: num.id, to: '+16289234567' });
    expect(refused.status, refused.text).toBe(402);
    expect(refused.body.error.code).toBe('plan_limit_exceeded');
    expect(refused.body.error.message).toMatch(/used 1 of the 1 call minutes its plan \("starter"\) allows in \d{4}-\d{2}; new calls are refused/);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'minutes', error: 'plan_limit_exceeded', current: 1, limit: 1 });

    const phone = await SoftphoneClient.connect(base, key);
    const line = new Promise<string>((r) => phone.once('turnEnd', r));
    const ended = new Promise<{ reason: string }>((r) => phone.once('end', r));
    phone.dial(num.phone_number);
    expect(await line).toMatch(/cannot take calls right now/);
    expect((await ended).reason).toBe('refused_plan_limit');

    const alerts = expectOk(await api.get('/v1/events?type=usage.limit_exceeded')).data;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].data).toMatchObject({ metric: 'minutes', current: 1, limit: 1, plan: 'starter', enforcement: 'block' });
    // SMS do not use minutes: still allowed.
    expectOk(await api.post('/v1/sms', { from: num.id, to: '+16289234567', body: 'still fine' }), 201);

    const raised = await agentline('plans', 'set', '--workspace', 'acme', '--minutes', 'none');
    expect(raised.stdout).toMatch(/minutes\s+unlimited/);
    expect((await api.post('/v1/calls', { from: num.id, to: '+16289234567' })).status).toBe(201);
    expect((await agentline('plans', 'show', '--workspace', 'acme')).stdout).toContain('plan "starter", enforcement block');
    expect((await agentline('plans', 'clear', '--workspace', 'acme')).code).toBe(0);
    expect(expectOk(await api.get('/v1/usage/stats')).data.plan).toBe('unlimited');
  });

  it('a warning limit lets everything through and emits usage.limit_exceeded once; a blocking SMS limit refuses the next SMS', async () => {
    await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You help.' }), 201).data;
    expect((await agentline('plans', 'set', '--workspace', 'acme', '--tokens', '100', '--enforce', 'warn')).code).toBe(0);
    for (let i = 0; i < 2; i++) expectOk(await api.post('/v1/usage/track', { type: 'token_usage', total_tokens: 80, model: 'm' }), 201);
    const alerts = expectOk(await api.get('/v1/events?type=usage.limit_exceeded')).data;
    expect(alerts.map((e: { data: { metric: string; current: number } }) => [e.data.metric, e.data.current])).toEqual([['tokens', 160]]);
    expectOk(await api.post('/v1/sms', { from: num.id, to: '+16289234567', body: 'allowed' }), 201);
    expect(expectOk(await api.get('/v1/usage/stats')).data.token_usage).toMatchObject({ current: 160, limit: 100, percentage: 160 });

    expect((await agentline('plans', 'set', '--workspace', 'acme', '--tokens', 'none', '--sms-segments', '2', '--enforce', 'block')).code).toBe(0);
    expectOk(await api.post('/v1/sms', { from: num.id, to: '+16289234567', body: 'second' }), 201);
    const balance = expectOk(await api.get('/v1/credits/balance')).data.balance_cents;
    const refused = await api.post('/v1/sms', { from: num.id, to: '+16289234567', body: 'third' });
    expect(refused.status, refused.text).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'plan_limit_exceeded', details: [{ field: 'sms_segments', current: 2, limit: 2 }] });
    expect(refused.body.error.message).toContain('new SMS are refused');
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(balance);
    expect(expectOk(await api.get('/v1/sms?direction=outbound')).data).toHaveLength(2);
  });
});
