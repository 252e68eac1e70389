import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signStandardWebhook } from '../net/standard-webhooks.js';

// A tiny webhook agent that speaks the format Agentline sends (OpenAI chat completions with
// `stream: true`) and answers with Server-Sent Events, word by word. No model, no key: it is
// here so the quickstart ends in a conversation. Copy it as a starting point for your own.
//
//   npx agentline example-agent            # http://127.0.0.1:4000/agent
//
// It verifies Agentline's Standard Webhooks signature when started with the number's
// webhook_secret (AGENT_WEBHOOK_SECRET=whsec_...), and uses the two built-in tools: it hangs
// up when you say goodbye and transfers you when you ask for a human.

interface Message {
  role: string;
  content: string | null;
}

function reply(messages: Message[]): { text: string; tool?: { name: string; arguments: string } } {
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const said = last.toLowerCase();
  const turns = messages.filter((m) => m.role === 'user').length;
  if (/\b(bye|goodbye|hang up)\b/.test(said)) {
    return { text: '', tool: { name: 'end_call', arguments: JSON.stringify({ goodbye: 'Thanks for trying Agentline. Goodbye!' }) } };
  }
  if (/\b(human|person|operator|agent)\b/.test(said)) {
    return { text: 'Let me get someone for you.', tool: { name: 'transfer_call', arguments: JSON.stringify({ to: '+15555550199' }) } };
  }
  if (/\bkeypad\b/.test(said)) return { text: `You pressed ${last.replace(/.*pressed (.*) on the keypad.*/, '$1')}. Nice.` };
  if (/\btime\b/.test(said)) return { text: `It is ${new Date().toUTCString().slice(17, 22)} UTC.` };
  if (turns === 1) {
    return { text: `Hi! I'm the Agentline example agent. You said: "${last}". Ask me the time, ask for a human, or say goodbye.` };
  }
  return { text: `You said: "${last}". I'm only an example; replace me with your own model.` };
}

function verify(req: IncomingMessage, body: string, secret: string | undefined): boolean {
  if (!secret) return true;
  const id = String(req.headers['webhook-id'] ?? '');
  const ts = Number(req.headers['webhook-timestamp']);
  const sigs = String(req.headers['webhook-signature'] ?? '').split(' ');
  if (!id || !Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return false;
  return sigs.includes(signStandardWebhook(secret, id, ts, body));
}

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-example', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

async function handle(req: IncomingMessage, res: ServerResponse, opts: { secret?: string; wordDelayMs: number }): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Agentline example agent: POST chat completions here.\n');
    return;
  }
  let body = '';
  for await (const part of req) body += part;
  if (!verify(req, body, opts.secret)) {
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'bad signature' }));
    return;
  }
  let messages: Message[] = [];
  try {
    messages = (JSON.parse(body) as { messages?: Message[] }).messages ?? [];
  } catch {
    res.writeHead(400).end();
    return;
  }
  const answer = reply(messages);
  let closed = false;
  res.on('close', () => (closed = true)); // the caller barged in: stop talking
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant' }));
  for (const word of answer.text.split(/(?<= )/)) {
    if (closed || !word) continue;
    res.write(chunk({ content: word }));
    await new Promise((r) => setTimeout(r, opts.wordDelayMs));
  }
  if (answer.tool && !closed) {
    res.write(chunk({ tool_calls: [{ index: 0, id: 'call_example', type: 'function', function: answer.tool }] }));
    res.write(chunk({}, 'tool_calls'));
  } else if (!closed) {
    res.write(chunk({}, 'stop'));
  }
  if (!closed) res.end('data: [DONE]\n\n');
}

export async function startExampleAgent(opts: { port: number; host: string; secret?: string; wordDelayMs?: number }): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, { secret: opts.secret, wordDelayMs: opts.wordDelayMs ?? 40 }).catch(() => res.destroy());
  });
  // A port in use is an 'error' event, not a throw: turn it into a rejection the CLI can explain.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${opts.host}:${port}/agent` };
}
