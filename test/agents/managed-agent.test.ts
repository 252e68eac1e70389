import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, type AgentChunk, type AgentTurnRequest } from '../../src/agents/agent.js';
import { ManagedAgent, createOpenAIClient } from '../../src/agents/managed-agent.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import type { FakeServer } from '../fakes/fake-sse-agent.js';

const turn: AgentTurnRequest = {
  messages: [
    { role: 'system', content: 'You are a receptionist.' },
    { role: 'user', content: 'Book me in' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'check_calendar', arguments: '{}' } }],
    },
    { role: 'tool', content: '{"free":"3pm"}', tool_call_id: 'call_0' },
  ],
  tools: [{ type: 'function', function: { name: 'book', description: 'Book a slot', parameters: { type: 'object', properties: { at: { type: 'string' } } } } }],
  metadata: { call_id: 'call_1' },
};

let fake: FakeServer;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

function agent(): ManagedAgent {
  return new ManagedAgent({ client: createOpenAIClient({ apiKey: 'sk-test', baseURL: fake.url, timeoutMs: 5000 }), model: 'gpt-test', timeoutMs: 5000 });
}

async function collect(stream: AsyncIterable<AgentChunk>): Promise<AgentChunk[]> {
  const out: AgentChunk[] = [];
  for await (const c of stream) out.push(c);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<AgentError> {
  const err = await promise.then(
    (v) => {
      throw new Error(`expected a failure, got ${JSON.stringify(v)}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentError);
  return err as AgentError;
}

describe('ManagedAgent', () => {
  it('streams text and sends the model, messages and tools', async () => {
    fake.script({ steps: [{ role: true }, { delta: 'Sure, ' }, { delta: '' }, { delta: '3pm works.' }, { finish: 'stop' }, { done: true }] });
    expect(await collect(agent().streamReply(turn, new AbortController().signal))).toEqual([
      { type: 'text', text: 'Sure, ' },
      { type: 'text', text: '3pm works.' },
    ]);
    const [req] = fake.requests;
    expect(req!.url).toBe('/v1/chat/completions');
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.body).toEqual({ model: 'gpt-test', messages: turn.messages, tools: turn.tools, stream: true });
  });

  it('omits tools when there are none', async () => {
    await collect(agent().streamReply({ ...turn, tools: [] }, new AbortController().signal));
    expect(fake.requests[0]!.body).not.toHaveProperty('tools');
  });

  it('accumulates a streamed tool call', async () => {
    fake.script({
      steps: [
        { role: true },
        { toolCall: { index: 0, id: 'call_b', name: 'book', arguments: '' } },
        { toolCall: { index: 0, arguments: '{"at":' } },
        { toolCall: { index: 0, arguments: '"3pm"}' } },
        { finish: 'tool_calls' },
        { done: true },
      ],
    });
    expect(await collect(agent().streamReply(turn, new AbortController().signal))).toEqual([
      { type: 'tool_call', call: { id: 'call_b', type: 'function', function: { name: 'book', arguments: '{"at":"3pm"}' } } },
    ]);
  });

  it('maps a 500 to http_status without retrying', async () => {
    fake.script({ status: 500, body: '{"error":{"message":"boom"}}', headers: { 'content-type': 'application/json' } });
    const err = await failure(collect(agent().streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('http_status');
    expect(err.status).toBe(500);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps an unreachable server to connection', async () => {
    await fake.close();
    const err = await failure(collect(agent().streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('connection');
    fake = await startFakeOpenAI(); // for afterEach
  });

  it('aborts a hanging request and closes the connection', async () => {
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = collect(agent().streamReply(turn, controller.signal));
    await fake.waitForRequests(1);
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedEarly).toBe(true);
  });

  it('aborts mid-stream', async () => {
    fake.script({ steps: [{ delta: 'Hel' }, { delayMs: 10_000 }, { delta: 'lo' }, { done: true }] });
    const controller = new AbortController();
    const it = agent().streamReply(turn, controller.signal)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ type: 'text', text: 'Hel' });
    controller.abort();
    expect((await failure(it.next())).kind).toBe('aborted');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedEarly).toBe(true);
  });
});
