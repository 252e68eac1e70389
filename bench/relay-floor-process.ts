import { Agent, createServer, request } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { CALL_TOOLS } from '../src/calls/tools.js';
import { PUBLIC_URL, serveFloor } from './shared.js';

// The FLOOR of the ConversationRelay run: the thinnest relay that does the gateway's job on the
// wire, with `node:http` and `ws` only, driven by the same carrier (relay-load-process.ts) in the
// same run as the gateway, so gateway/floor says what our code costs and the floor alone says
// what this machine allows.
//   POST /carrier/twilio/voice   answers `<Connect><ConversationRelay>` with a callId parameter
//                                (no signature check, no database, no call record)
//   WS /carrier/twilio/relay     `setup`, then each final `prompt` → one chat-completions POST to
//                                the agent (BENCH_AGENT_URL; the conversation so far, the call
//                                tools, stream: true, over a keep-alive pool), each SSE content
//                                delta → a `text` token, the end → `text` last:true; `interrupt`
//                                aborts the reply. Every frame is JSON.parse'd and every frame sent
//                                JSON.stringify'd (as any correct relay does); nothing else is
//                                checked, signed, stored or metered.
// Commands and answers are the gateway process's: memory, reset, sample.

const agentUrl = new URL(`${process.env.BENCH_AGENT_URL}/agent`);
const pool = new Agent({ keepAlive: true, timeout: 4000, maxFreeSockets: 256 });
const GREETING = 'Hi, this is the bench agent.';
let calls = 0;
let live = 0;

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/carrier/twilio/voice') {
    req.resume();
    req.on('end', () => {
      const callId = `call_FLOOR${String(++calls).padStart(8, '0')}`;
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Response><Connect><ConversationRelay url="${PUBLIC_URL.replace('https', 'wss')}/carrier/twilio/relay" welcomeGreeting="${GREETING}"><Parameter name="callId" value="${callId}"/></ConversationRelay></Connect></Response>`);
    });
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  if (req.url !== '/carrier/twilio/relay') return void socket.destroy();
  wss.handleUpgrade(req, socket, head, relay);
});

interface Message {
  role: string;
  content: string;
}

function relay(ws: WebSocket): void {
  let callId = '';
  const messages: Message[] = [{ role: 'system', content: 'You are a helpful test agent.' }, { role: 'assistant', content: GREETING }];
  let reply: { abort(): void } | null = null;
  live++;
  ws.on('error', () => undefined);
  ws.on('close', () => {
    live--;
    reply?.abort();
  });
  const send = (frame: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  ws.on('message', (data) => {
    try {
      const frame = JSON.parse(data.toString()) as { type?: string; voicePrompt?: string; last?: boolean; customParameters?: Record<string, string> };
      if (frame.type === 'setup') callId = frame.customParameters?.callId ?? '';
      else if (frame.type === 'interrupt') reply?.abort();
      else if (frame.type === 'prompt' && frame.last !== false) {
        reply?.abort();
        messages.push({ role: 'user', content: frame.voicePrompt ?? '' });
        reply = ask(callId, messages, send, (text) => messages.push({ role: 'assistant', content: text }));
      }
    } catch {
      // a malformed frame is dropped
    }
  });
}

/** One agent turn: POST, read the SSE stream, speak each delta. */
function ask(callId: string, messages: Message[], send: (frame: object) => void, done: (text: string) => void): { abort(): void } {
  const body = JSON.stringify({ model: 'custom', messages, stream: true, metadata: { call_id: callId, channel: 'voice' }, tools: CALL_TOOLS });
  let said = '';
  let buffered = '';
  const req = request(agentUrl, { method: 'POST', agent: pool, timeout: 10_000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!event.startsWith('data: ')) continue;
        const data = event.slice(6);
        if (data === '[DONE]') {
          send({ type: 'text', token: '', last: true });
          done(said);
          continue;
        }
        try {
          const content = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content;
          if (content) {
            said += content;
            send({ type: 'text', token: content, last: false });
          }
        } catch {
          // a malformed event is dropped
        }
      }
    });
    res.on('error', () => undefined);
  });
  req.on('timeout', () => req.destroy());
  req.on('error', () => undefined);
  req.end(body);
  return { abort: () => req.destroy() };
}

await serveFloor(server, wss, () => live);
