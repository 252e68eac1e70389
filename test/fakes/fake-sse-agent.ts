import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A developer's agent webhook on loopback: answers each POST with a scripted reply in OpenAI
// chat-completions form and records what it was sent and whether the client hung up early.
// fake-openai.ts reuses the same reply engine behind /v1/chat/completions.

export interface FakeToolCallDelta {
  index?: number;
  id?: string;
  name?: string;
  arguments?: string;
}

export interface SseStep {
  delayMs?: number;
  /** Waits for this before continuing: lets a test prove the client did not buffer. */
  until?: Promise<unknown>;
  /** Written verbatim (no framing added). */
  raw?: string;
  /** A role-only first chunk, as OpenAI sends. */
  role?: true;
  delta?: string;
  toolCall?: FakeToolCallDelta;
  finish?: 'stop' | 'tool_calls' | 'length';
  done?: true;
}

export type FakeReply =
  | { steps: SseStep[]; status?: number; headers?: Record<string, string> }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { json: unknown; status?: number }
  | { hang: true };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: any;
  /** True if the connection closed before the scripted reply finished. */
  closedEarly: boolean;
  /** Resolves when the server side of the response closes, however it ends. */
  closed: Promise<void>;
}

/** `n` is the 0-based index of the request. */
export type ReplyScript = FakeReply | ((req: RecordedRequest, n: number) => FakeReply);

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  script(handler: ReplyScript): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export const defaultReply: FakeReply = { steps: [{ role: true }, { delta: 'Hello' }, { finish: 'stop' }, { done: true }] };

export function startFakeSseAgent(): Promise<FakeServer> {
  return startScriptedServer(() => true);
}

/** Shared by the fakes: `accepts` decides which paths get the scripted reply (others 404). */
export async function startScriptedServer(accepts: (req: IncomingMessage) => boolean, path = '/'): Promise<FakeServer> {
  let handler: ReplyScript = defaultReply;
  const requests: RecordedRequest[] = [];
  const waiters: Array<() => void> = [];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!accepts(req)) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      let markClosed!: () => void;
      const record: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawBody,
        body,
        closedEarly: false,
        closed: new Promise((resolve) => (markClosed = resolve)),
      };
      res.on('close', () => {
        record.closedEarly = !res.writableFinished;
        markClosed();
      });
      requests.push(record);
      waiters.splice(0).forEach((wake) => wake());
      const reply = typeof handler === 'function' ? handler(record, requests.length - 1) : handler;
      void respond(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    script(next) {
      handler = next;
    },
    async waitForRequests(count) {
      while (requests.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(res: ServerResponse, reply: FakeReply): Promise<void> {
  if ('hang' in reply) return;
  if ('json' in reply) {
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
    return;
  }
  if (!('steps' in reply)) {
    res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers }).end(reply.body ?? '');
    return;
  }
  res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
  res.flushHeaders();
  for (const step of reply.steps) {
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    if (step.until) await step.until;
    if (res.destroyed) return;
    res.write(renderStep(step));
  }
  res.end();
}

function renderStep(step: SseStep): string {
  if (step.raw !== undefined) return step.raw;
  if (step.done) return 'data: [DONE]\n\n';
  const delta: Record<string, unknown> = {};
  if (step.role) delta.role = 'assistant';
  if (step.delta !== undefined) delta.content = step.delta;
  if (step.toolCall) {
    const { index = 0, id, name, arguments: args } = step.toolCall;
    delta.tool_calls = [
      {
        index,
        ...(id ? { id, type: 'function' } : {}),
        function: { ...(name !== undefined ? { name } : {}), ...(args !== undefined ? { arguments: args } : {}) },
      },
    ];
  }
  if (Object.keys(delta).length === 0 && !step.finish) return ''; // a pure wait step
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: step.finish ?? null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}
