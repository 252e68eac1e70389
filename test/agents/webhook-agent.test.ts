import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, type AgentChunk, type AgentTurnRequest } from '../../src/agents/agent.js';
import { WebhookAgent, type WebhookAgentOptions } from '../../src/agents/webhook-agent.js';
import { newWebhookSecret } from '../../src/net/standard-webhooks.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';

const secret = newWebhookSecret();

const turn: AgentTurnRequest = {
  messages: [
    { role: 'system', content: 'You are a receptionist.' },
    { role: 'user', content: 'Hi there' },
  ],
  tools: [{ type: 'function', function: { name: 'hang_up', description: 'End the call', parameters: { type: 'object', properties: {} } } }],
  metadata: { call_id: 'call_1', from: '+15550100', to: '+15550199' },
};

let fake: FakeServer;
beforeEach(async () => {
  fake = await startFakeSseAgent();
});
afterEach(async () => {
  await fake.close();
});

function agent(overrides: Partial<WebhookAgentOptions> = {}): WebhookAgent {
  return new WebhookAgent({
    url: fake.url,
    signingSecret: secret,
    allowPrivate: true,
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    idleTimeoutMs: 2000,
    maxResponseBytes: 1_000_000,
    ...overrides,
  });
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

describe('WebhookAgent', () => {
  it('posts a signed chat-completions request and streams the reply', async () => {
    const chunks = await collect(
      agent({ bearerToken: 'tok_123', headers: { 'X-Agentline-Call-Id': 'call_1' } }).streamReply(turn, new AbortController().signal),
    );
    expect(chunks).toEqual([{ type: 'text', text: 'Hello' }]);

    const [req] = fake.requests;
    expect(req!.body).toEqual({ model: 'custom', messages: turn.messages, stream: true, metadata: turn.metadata, tools: turn.tools });
    expect(req!.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'text/event-stream, application/json',
      'user-agent': 'Agentline/0.1',
      authorization: 'Bearer tok_123',
      'x-agentline-call-id': 'call_1',
    });
    expect(req!.headers['webhook-id']).toMatch(/^msg_/);
    expect(() => new Webhook(secret).verify(req!.rawBody, req!.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(req!.rawBody, req!.headers as Record<string, string>)).toThrow();
  });

  it('omits tools when there are none and Authorization when there is no token', async () => {
    await collect(agent({ bearerToken: null }).streamReply({ ...turn, tools: [] }, new AbortController().signal));
    const [req] = fake.requests;
    expect(req!.body).not.toHaveProperty('tools');
    expect(req!.headers).not.toHaveProperty('authorization');
  });

  it('yields each delta before the server sends the next', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.script({ steps: [{ role: true }, { delta: 'first' }, { until: gate }, { delta: 'second' }, { finish: 'stop' }, { done: true }] });
    const it = agent().streamReply(turn, new AbortController().signal)[Symbol.asyncIterator]();
    expect(await it.next()).toEqual({ done: false, value: { type: 'text', text: 'first' } });
    release();
    expect(await it.next()).toEqual({ done: false, value: { type: 'text', text: 'second' } });
    expect((await it.next()).done).toBe(true);
  });

  it('streams tool calls', async () => {
    fake.script({
      steps: [
        { toolCall: { index: 0, id: 'call_x', name: 'hang_up', arguments: '' } },
        { toolCall: { index: 0, arguments: '{}' } },
        { finish: 'tool_calls' },
        { done: true },
      ],
    });
    expect(await collect(agent().streamReply(turn, new AbortController().signal))).toEqual([
      { type: 'tool_call', call: { id: 'call_x', type: 'function', function: { name: 'hang_up', arguments: '{}' } } },
    ]);
  });

  it('accepts a plain JSON completion', async () => {
    fake.script({ json: { choices: [{ message: { role: 'assistant', content: 'Plain reply' }, finish_reason: 'stop' }] } });
    expect(await collect(agent().streamReply(turn, new AbortController().signal))).toEqual([{ type: 'text', text: 'Plain reply' }]);
  });

  it('turns a non-2xx answer into http_status with the status and the start of the body', async () => {
    fake.script({ status: 500, body: 'upstream exploded ' + 'x'.repeat(1000) });
    const err = await failure(collect(agent().streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('http_status');
    expect(err.status).toBe(500);
    expect(err.message).toContain('500');
    expect(err.message).toContain('upstream exploded');
    expect(err.message.length).toBeLessThan(300);
  });

  it('does not follow a redirect to the metadata address', async () => {
    fake.script({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const err = await failure(collect(agent().streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('http_status');
    expect(err.status).toBe(302);
    expect(fake.requests).toHaveLength(1);
  });

  it('closes the connection at once when aborted while the agent hangs', async () => {
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = collect(agent().streamReply(turn, controller.signal));
    await fake.waitForRequests(1);
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedEarly).toBe(true);
  });

  it('closes the connection when aborted mid-stream', async () => {
    fake.script({ steps: [{ delta: 'Hel' }, { delayMs: 10_000 }, { delta: 'lo' }, { done: true }] });
    const controller = new AbortController();
    const it = agent().streamReply(turn, controller.signal)[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ type: 'text', text: 'Hel' });
    controller.abort();
    await fake.requests[0]!.closed; // the server sees the close without us pulling again
    expect(fake.requests[0]!.closedEarly).toBe(true);
    expect((await failure(it.next())).kind).toBe('aborted');
  });

  it('times out when the body goes quiet for idleTimeoutMs', async () => {
    fake.script({ steps: [{ delta: 'Hi' }, { delayMs: 10_000 }, { done: true }] });
    const chunks: AgentChunk[] = [];
    const err = await failure(
      (async () => {
        for await (const c of agent({ idleTimeoutMs: 150 }).streamReply(turn, new AbortController().signal)) chunks.push(c);
      })(),
    );
    expect(chunks).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('idle');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedEarly).toBe(true);
  });

  it('times out when no response headers arrive', async () => {
    fake.script({ hang: true });
    const err = await failure(collect(agent({ headersTimeoutMs: 150 }).streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('headers');
  });

  it('times out connecting when DNS never answers', async () => {
    const err = await failure(
      collect(
        agent({ url: 'http://slow.example.test/', connectTimeoutMs: 150, lookup: () => new Promise(() => {}) }).streamReply(
          turn,
          new AbortController().signal,
        ),
      ),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('connect');
  });

  it('reports a refused connection as connection', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const err = await failure(collect(agent({ url: `http://127.0.0.1:${port}/` }).streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('connection');
  });

  it('refuses a hostname that resolves to a private address unless private URLs are allowed', async () => {
    const port = new URL(fake.url).port;
    const lookup = async (): Promise<string[]> => ['127.0.0.1'];
    const url = `http://agent.example.test:${port}/`;

    const err = await failure(collect(agent({ url, lookup, allowPrivate: false }).streamReply(turn, new AbortController().signal)));
    expect(err.kind).toBe('refused_url');
    expect(fake.requests).toHaveLength(0);

    // The same lookup with private addresses allowed connects, so the refusal came from the check.
    expect(await collect(agent({ url, lookup, allowPrivate: true }).streamReply(turn, new AbortController().signal))).toEqual([
      { type: 'text', text: 'Hello' },
    ]);
    expect(fake.requests[0]!.headers.host).toBe(`agent.example.test:${port}`);
  });

  it('refuses private IP literals without connecting', async () => {
    for (const url of [fake.url, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:1/']) {
      const err = await failure(collect(agent({ url, allowPrivate: false }).streamReply(turn, new AbortController().signal)));
      expect(err.kind).toBe('refused_url');
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('stops reading a reply larger than maxResponseBytes', async () => {
    fake.script({ steps: [{ delta: 'x'.repeat(5000) }, { delta: 'y'.repeat(5000) }, { done: true }] });
    const err = await failure(collect(agent({ maxResponseBytes: 4096 }).streamReply(turn, new AbortController().signal)));
    expect(err.message).toContain('4096');
  });

  it('rejects invalid JSON in the stream and an empty stream as malformed', async () => {
    fake.script({ steps: [{ raw: 'data: {"choices": nope}\n\n' }] });
    expect((await failure(collect(agent().streamReply(turn, new AbortController().signal)))).kind).toBe('malformed');
    fake.script({ steps: [{ raw: ': ping\n\n' }] });
    expect((await failure(collect(agent().streamReply(turn, new AbortController().signal)))).kind).toBe('malformed');
  });
});

describe('WebhookAgent connection reuse', () => {
  it('keeps the connection for the next turn, and an abort still closes it', async () => {
    const http = await import('node:http');
    const https = await import('node:https');
    const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    const sockets = new Set<unknown>();
    const a = agent({ agents });
    fake.script({ steps: [{ role: true }, { delta: 'one' }, { finish: 'stop' }, { done: true }] });
    for (let i = 0; i < 3; i++) {
      expect(await collect(a.streamReply(turn, new AbortController().signal))).toEqual([{ type: 'text', text: 'one' }]);
      await new Promise((r) => setTimeout(r, 10));
      for (const list of Object.values(agents.http.freeSockets)) for (const s of list ?? []) sockets.add(s);
    }
    expect(sockets.size).toBe(1); // three turns, one connection

    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = collect(a.streamReply(turn, controller.signal));
    await fake.waitForRequests(4);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await fake.requests[3]!.closed;
    expect(fake.requests[3]!.closedEarly).toBe(true);
    agents.http.destroy();
  });
});
