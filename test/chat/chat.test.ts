import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIClient } from '../../src/agents/managed-agent.js';
import { startExampleAgent } from '../../src/examples/example-agent.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { sseReply } from '../helpers/voice.js';

let h: Harness;
let agent: FakeServer;
afterEach(async () => {
  await h?.close();
  await agent?.close();
});

const events = (text: string) =>
  text
    .trim()
    .split('\n\n')
    .map((block) => {
      const [ev, data] = block.split('\n');
      return { event: ev!.replace('event: ', ''), data: JSON.parse(data!.replace('data: ', '')) };
    });

describe('chat with a number\'s agent', () => {
  it('streams the reply as SSE and threads the conversation', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, system_prompt: 'Be brief.' }), 201).data;
    agent.script((_r, n) => (n === 0 ? sseReply('Hello, ', 'human.') : sseReply('You said hi.')));

    const first = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi' });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toContain('text/event-stream');
    const e1 = events(first.text);
    expect(e1.map((e) => e.event)).toEqual(['delta', 'delta', 'done']);
    expect(e1.slice(0, 2).map((e) => e.data.text)).toEqual(['Hello, ', 'human.']);
    const conversation = e1[2]!.data.conversation_id;
    expect(conversation).toMatch(/^conv_/);
    expect(agent.requests[0]!.body.metadata).toMatchObject({ channel: 'chat', number_id: num.id });

    const second = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'What did I say?', conversation_id: conversation });
    expect(events(second.text).at(-1)!.data.reply).toBe('You said hi.');
    expect(agent.requests[1]!.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello, human.' },
      { role: 'user', content: 'What did I say?' },
    ]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(500);
  });

  it('reports agent failures as an SSE error event, and bad input as our errors', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    agent.script({ status: 500, body: 'nope' });
    const res = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi' });
    const ev = events(res.text);
    expect(ev.at(-1)).toMatchObject({ event: 'error', data: { code: 'agent_error' } });
    expect((await api.post(`/v1/numbers/${num.id}/chat`, { message: '' })).status).toBe(422);
    expect((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'x', conversation_id: 'conv_nope' })).status).toBe(404);
    expect((await api.post('/v1/numbers/num_00000000000000000000000000/chat', { message: 'x' })).status).toBe(404);
  });
});

describe('client-chosen conversation ids', () => {
  it('a client id starts a conversation on first use and continues it, per number and per workspace', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 2000);
    const a = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const b = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    agent.script((_r, n) => sseReply(`Reply ${n}.`));

    const first = await api.post(`/v1/numbers/${a.id}/chat`, { message: 'Hi', conversation_id: 'session_abc' });
    expect(first.status, first.text).toBe(200);
    expect(first.headers['x-conversation-id']).toBe('session_abc');
    expect(events(first.text).at(-1)).toMatchObject({ event: 'done', data: { conversation_id: 'session_abc', reply: 'Reply 0.', ended: false } });
    expect(agent.requests[0]!.body.metadata).toMatchObject({ conversation_id: 'session_abc', channel: 'chat' });

    await api.post(`/v1/numbers/${a.id}/chat`, { message: 'Again', conversation_id: 'session_abc' });
    expect(agent.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Reply 0.' },
      { role: 'user', content: 'Again' },
    ]);

    // The same id on another number is another conversation.
    await api.post(`/v1/numbers/${b.id}/chat`, { message: 'Fresh', conversation_id: 'session_abc' });
    expect(agent.requests[2]!.body.messages).toEqual([{ role: 'user', content: 'Fresh' }]);

    // And in another workspace, on its own number.
    const other = h.api(await h.key());
    await fund(other, 1000);
    const c = expectOk(await other.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    await other.post(`/v1/numbers/${c.id}/chat`, { message: 'Mine', conversation_id: 'session_abc' });
    expect(agent.requests[3]!.body.messages).toEqual([{ role: 'user', content: 'Mine' }]);

    // Number a's conversation went on untouched.
    await api.post(`/v1/numbers/${a.id}/chat`, { message: 'Third', conversation_id: 'session_abc' });
    expect(agent.requests[4]!.body.messages.map((m: { content: string }) => m.content)).toEqual(['Hi', 'Reply 0.', 'Again', 'Reply 1.', 'Third']);

    // Ids we generate keep working, and belong to their number.
    const ours = events((await api.post(`/v1/numbers/${a.id}/chat`, { message: 'New' })).text).at(-1)!.data.conversation_id;
    expect(ours).toMatch(/^conv_/);
    expect((await api.post(`/v1/numbers/${a.id}/chat`, { message: 'More', conversation_id: ours })).status).toBe(200);
    expect(agent.requests.at(-1)!.body.messages.map((m: { content: string }) => m.content)).toEqual(['New', 'Reply 5.', 'More']);
    expect((await api.post(`/v1/numbers/${b.id}/chat`, { message: 'x', conversation_id: ours })).status).toBe(404);
    expect((await other.post(`/v1/numbers/${c.id}/chat`, { message: 'x', conversation_id: ours })).status).toBe(404);
  });

  it('a malformed conversation id is a 422 that names the field', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    for (const id of ['', 'has space', 'a/b', 'ünï', 'x'.repeat(101), 'semi;colon', '<script>']) {
      const res = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi', conversation_id: id });
      expect(res.status, id).toBe(422);
      expect(res.body.error.details[0], id).toMatchObject({ field: 'conversation_id' });
    }
    expect((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi', conversation_id: 12 })).status).toBe(422);
    expect(agent.requests).toHaveLength(0);
    for (const id of ['x'.repeat(100), 'user:42.session-7', 'A_b-C.d:e']) {
      expect((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'Hi', conversation_id: id })).status, id).toBe(200);
    }
  });
});

describe('chat shows what a caller would hear', () => {
  let example: Server | undefined;
  let openai: FakeServer | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (example ? example.close(() => resolve()) : resolve()));
    example = undefined;
    await openai?.close();
    openai = undefined;
  });

  it('the example agent says goodbye through end_call: the line is streamed, is the reply, and ends the conversation', async () => {
    const started = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 0 });
    example = started.server;
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: started.url }), 201).data;

    const hello = events((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'hello', conversation_id: 'demo' })).text);
    expect(hello.at(-1)!.data).toMatchObject({ ended: false });
    const res = await api.post(`/v1/numbers/${num.id}/chat`, { message: 'goodbye', conversation_id: 'demo' });
    const ev = events(res.text);
    expect(ev).toEqual([
      { event: 'delta', data: { text: 'Thanks for trying Agentline. Goodbye!' } },
      { event: 'done', data: { conversation_id: 'demo', reply: 'Thanks for trying Agentline. Goodbye!', ended: true, end_reason: 'agent_ended', request_id: expect.stringMatching(/^req_/) } },
    ]);
  });

  it('a transfer line follows what the agent said, and done names the target', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    agent.script({ steps: [{ role: true }, { delta: 'One moment.' }, { toolCall: { index: 0, id: 't1', name: 'transfer_call', arguments: '{"to":"+14155550199"}' } }, { finish: 'tool_calls' }, { done: true }] });
    const ev = events((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'A person, please' })).text);
    expect(ev.filter((e) => e.event === 'delta').map((e) => e.data.text)).toEqual(['One moment.', ' Transferring you now.']);
    expect(ev.at(-1)!.data).toMatchObject({ reply: 'One moment. Transferring you now.', ended: true, end_reason: 'transferred', transfer_to: '+14155550199' });
    // The agent is offered the call tools in chat, as on a call (no keypad in a chat).
    expect(agent.requests[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['end_call', 'transfer_call']);
  });

  it('a managed agent\'s goodbye tool line reaches the chat, and is remembered', async () => {
    openai = await startFakeOpenAI();
    h = await createHarness({ env: { OPENAI_BASE_URL: openai.url }, openai: createOpenAIClient({ apiKey: 'sk-test', baseURL: openai.url, timeoutMs: 10_000 }) });
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You are a receptionist.' }), 201).data;
    openai.script((_r, n) =>
      n === 0
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 'call_1', name: 'end_call', arguments: '{"goodbye":"Thanks for calling, bye!"}' } }, { finish: 'tool_calls' }, { done: true }] }
        : sseReply('Welcome back.'),
    );
    const ev = events((await api.post(`/v1/numbers/${num.id}/chat`, { message: 'goodbye', conversation_id: 'm-1' })).text);
    expect(ev.map((e) => e.event)).toEqual(['delta', 'done']);
    expect(ev[0]!.data.text).toBe('Thanks for calling, bye!');
    expect(ev[1]!.data).toMatchObject({ reply: 'Thanks for calling, bye!', ended: true, end_reason: 'agent_ended' });
    expect(openai.requests[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['end_call', 'transfer_call']);

    await api.post(`/v1/numbers/${num.id}/chat`, { message: 'I am back', conversation_id: 'm-1' });
    expect(openai.requests[1]!.body.messages).toEqual([
      { role: 'system', content: 'You are a receptionist.' },
      { role: 'user', content: 'goodbye' },
      { role: 'assistant', content: 'Thanks for calling, bye!' },
      { role: 'user', content: 'I am back' },
    ]);
  });
});
