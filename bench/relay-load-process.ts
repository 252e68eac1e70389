import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { signTwilioRequest, signTwilioWebSocket } from '../src/carriers/twilio/signature.js';
import { CALL_TOOLS } from '../src/calls/tools.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent, summarize } from './shared.js';

// The ConversationRelay run's carrier, in its own process: acts as Twilio towards one relay (the
// gateway, or the floor in relay-floor-process.ts; the same code drives both). Each call is a
// signed voice webhook (form POST, X-Twilio-Signature), then a signed WebSocket upgrade to the
// relay URL with the TwiML's callId parameter, then `setup`. Talking calls send one final
// `prompt` a second; idle calls stay connected and silent. Each turn is timed from the prompt
// sent to the first non-empty `text` token received; the fake agent writes its actual time to
// first token into that token (`[ttft=…]`), so the agent's own wait is subtracted exactly.
// Commands:
//   baseline          the loopback baseline: the same POST straight to the agent, one at a time
//                     (a pooled keep-alive connection, as the relays use), first delta − TTFT
//   open:N            opens N calls, 50 set-ups in flight; answers { opened, failed }
//   talk:T:W:S        calls T of the N (spread evenly) talk, one prompt a second each,
//                     staggered, for W warm-up + S measured seconds; answers at once with when the
//                     measured window starts and ends (ms from now), so the bench can sample the
//                     relay over exactly that window
//   results           waits for the talk to finish (plus a drain) and answers the measured turns
//   hangup            closes every call; answers once they are all closed

const port = Number(process.env.BENCH_RELAY_PORT);
const phone = process.env.BENCH_PHONE!;
const agentUrl = process.env.BENCH_AGENT_URL!;
const MARKER = /\[ttft=([\d.]+)\]/;
const DRAIN_MS = Number(process.env.BENCH_AGENT_TTFT_MS ?? 300) + 700;

interface Turn {
  measured: boolean;
  sentAt: number;
  firstAt?: number;
  agentTtft?: number;
}
interface Call {
  ws: WebSocket;
  turn: Turn | null;
  turns: Turn[];
}

const calls: Call[] = [];
const failed: string[] = [];
let talking: Promise<void> | null = null;
const loop = monitorEventLoopDelay({ resolution: 1 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function openCall(): Promise<void> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const from = '+15005550006';
  const params = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: from, To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' };
  const res = await fetch(`http://127.0.0.1:${port}/carrier/twilio/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC_URL}/carrier/twilio/voice`, params) },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  const twiml = await res.text();
  const callId = /name="callId" value="(call_[0-9A-Za-z]+)"/.exec(twiml)?.[1];
  if (res.status !== 200 || !callId) throw new Error(`voice webhook ${res.status}: ${twiml.slice(0, 200)}`);
  const signedUrl = `${PUBLIC_URL.replace(/^https/, 'wss')}/carrier/twilio/relay`;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/carrier/twilio/relay`, { headers: { 'X-Twilio-Signature': signTwilioWebSocket(AUTH_TOKEN, signedUrl) }, perMessageDeflate: false, handshakeTimeout: 30_000 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined); // a socket that fails later shows as failed turns
  const call: Call = { ws, turn: null, turns: [] };
  calls.push(call);
  ws.on('message', (data) => {
    const turn = call.turn;
    if (!turn || turn.firstAt !== undefined) return;
    const frame = JSON.parse(data.toString()) as { type?: string; token?: unknown };
    if (frame.type !== 'text' || typeof frame.token !== 'string' || frame.token === '') return;
    turn.firstAt = performance.now();
    const m = MARKER.exec(frame.token);
    if (m) turn.agentTtft = Number(m[1]); // no marker: the relay's fallback line, a failed turn
  });
  ws.send(JSON.stringify({
    type: 'setup', sessionId: `VX${randomBytes(16).toString('hex')}`, accountSid: ACCOUNT_SID, parentCallSid: '', callSid, from, to: phone, forwardedFrom: '',
    callType: 'PSTN', callerName: '', direction: 'inbound', callStatus: 'RINGING', customParameters: { callId },
  }));
}

/** One request straight to the agent: ms from sending it to its first delta, minus the agent's TTFT. */
const direct = new Agent({ keepAlive: true, maxSockets: 1 });
function directTurn(turn: number): Promise<number> {
  const body = JSON.stringify({
    model: 'custom',
    messages: [
      { role: 'system', content: 'You are a helpful test agent.' },
      { role: 'assistant', content: 'Hi, this is the bench agent.' },
      { role: 'user', content: `Turn ${turn}: what are your opening hours?` },
    ],
    stream: true,
    metadata: { call_id: 'call_BENCH', number_id: 'num_BENCH', from: '+15005550006', to: '+14155550100', direction: 'inbound', channel: 'voice' },
    tools: CALL_TOOLS,
  });
  return new Promise((resolve, reject) => {
    const sentAt = performance.now();
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-bench-ttft-ms': '0' };
    const req = request(`${agentUrl}/agent`, { method: 'POST', agent: direct, headers, timeout: 10_000 }, (res) => {
      let text = '';
      let took: number | undefined;
      res.on('data', (c: Buffer) => {
        if (took !== undefined) return;
        text += c.toString();
        const m = MARKER.exec(text);
        if (m) took = performance.now() - sentAt - Number(m[1]);
      });
      // The next request waits for this reply's end, so its socket is free again.
      res.on('end', () => (took === undefined ? reject(new Error('the agent sent no marker')) : resolve(took)));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('agent timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

serveParent(async (cmd) => {
  const [verb, ...args] = cmd.split(':');
  if (verb === 'baseline') {
    const samples: number[] = [];
    for (let i = 0; i < 250; i++) {
      const v = await directTurn(i);
      if (i >= 50) samples.push(v);
    }
    return summarize(samples);
  }
  if (verb === 'open') {
    const n = Number(args[0]);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(50, n) }, async () => {
      while (next < n) {
        next++;
        await openCall().catch((err: unknown) => void failed.push(String(err)));
      }
    }));
    return { opened: calls.length, failed };
  }
  if (verb === 'talk') {
    const [t, warmupS, seconds] = args.map(Number) as [number, number, number];
    const speakers = Array.from({ length: Math.min(t, calls.length) }, (_, i) => calls[Math.floor((i * calls.length) / t)]!);
    const start = performance.now() + 200;
    const windowStart = start + warmupS * 1000;
    const windowEnd = windowStart + seconds * 1000;
    void sleep(windowStart - performance.now()).then(() => loop.enable());
    talking = (async () => {
      await Promise.all(speakers.map(async (call, i) => {
        for (let k = 0; k < warmupS + seconds; k++) {
          await sleep(start + (i * 1000) / speakers.length + k * 1000 - performance.now());
          if (call.ws.readyState !== WebSocket.OPEN) continue;
          const turn: Turn = { measured: k >= warmupS, sentAt: performance.now() };
          call.turn = turn;
          call.turns.push(turn);
          call.ws.send(JSON.stringify({ type: 'prompt', voicePrompt: `Turn ${k}: what are your opening hours?`, lang: 'en-US', last: true }));
        }
      }));
      loop.disable();
      await sleep(DRAIN_MS); // the last replies
    })();
    const now = performance.now();
    return { windowStartsInMs: windowStart - now, windowEndsInMs: windowEnd - now };
  }
  if (verb === 'results') {
    await talking;
    const turns = calls.flatMap((c) => c.turns.filter((t) => t.measured));
    const ok = turns.filter((t) => t.firstAt !== undefined && t.agentTtft !== undefined);
    const result = {
      turns: turns.length,
      failed: turns.length - ok.length,
      overheadMs: ok.map((t) => t.firstAt! - t.sentAt - t.agentTtft!),
      agentTtftMs: summarize(ok.map((t) => t.agentTtft!)),
      carrierEldP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 1),
    };
    for (const c of calls) c.turns = [];
    loop.reset();
    return result;
  }
  if (verb === 'hangup') {
    await Promise.all(calls.map((c) => new Promise<void>((resolve) => {
      if (c.ws.readyState === WebSocket.CLOSED) return resolve();
      c.ws.once('close', () => resolve());
      c.ws.close(1000);
    })));
    calls.length = 0;
    return null;
  }
  throw new Error(`unknown command ${cmd}`);
});
process.send?.({ ready: true });
