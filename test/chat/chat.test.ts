import { afterEach, describe, expect, it } from 'vitest';
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
