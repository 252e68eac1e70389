import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { signTwilioRequest, signTwilioWebSocket } from '../src/carriers/twilio/signature.js';
import { readFrame, SequenceCheck, stampFrame } from './realtime-frames.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent } from './shared.js';

// The benchmark's carrier, in its own process: N Twilio calls to the gateway's realtime number,
// each a signed voice webhook, then a signed Media Streams socket sending a stamped 20 ms `media`
// frame every 20 ms of real time (realtime-frames.ts), and acting as the phone for what comes
// back: each agent `media` frame is timed (delta in → Twilio frame out, via the gateway) and its
// order checked; each `mark` is echoed.
// Commands: start:N, reset (start measuring), quiet (stop sending), sample, hangup.

const port = Number(process.env.BENCH_GATEWAY_PORT);
const phone = process.env.BENCH_PHONE!;

interface Call {
  index: number;
  ws: WebSocket;
  seq: number;
  timer?: NodeJS.Timeout;
}

const calls: Call[] = [];
/** Calls that could not be set up (webhook or upgrade failed or timed out). */
const failed: string[] = [];
let sending = true;
let measuring = false;
let hops: number[] = [];
const check = new SequenceCheck();
let clears = 0;
let unparsed = 0;

async function startCall(index: number): Promise<void> {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  const params = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: '+14155550123', To: phone, Direction: 'inbound', CallStatus: 'ringing', ApiVersion: '2010-04-01' };
  const res = await fetch(`http://127.0.0.1:${port}/carrier/twilio/voice`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(AUTH_TOKEN, `${PUBLIC_URL}/carrier/twilio/voice`, params) },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(20_000),
  });
  const twiml = await res.text();
  const callId = /name="callId" value="(call_[0-9A-Z]+)"/.exec(twiml)?.[1];
  if (!callId) throw new Error(`no <Stream> for call ${index}: ${twiml}`);
  const signedUrl = `${PUBLIC_URL.replace('https', 'wss')}/carrier/twilio/media`;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/carrier/twilio/media`, { headers: { 'X-Twilio-Signature': signTwilioWebSocket(AUTH_TOKEN, signedUrl) }, perMessageDeflate: false, handshakeTimeout: 20_000 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined); // a socket that fails later shows as lost frames, not a crash
  const streamSid = `MZ${randomBytes(16).toString('hex')}`;
  const call: Call = { index, ws, seq: 0 };
  calls.push(call);
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.startsWith('{"event":"media"')) {
      const at = text.indexOf('"payload":"') + 11;
      const f = readFrame(Buffer.from(text.slice(at, text.indexOf('"', at)), 'base64'));
      if (!f) return void unparsed++;
      check.see(f.index, f.seq);
      if (measuring) hops.push(f.hopMs);
      return;
    }
    if (text.startsWith('{"event":"mark"')) {
      const m = JSON.parse(text) as { mark: { name: string } };
      ws.send(JSON.stringify({ event: 'mark', streamSid, mark: { name: m.mark.name } }));
      return;
    }
    if (text.startsWith('{"event":"clear"')) clears++;
  });
  ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
  ws.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid, start: { accountSid: ACCOUNT_SID, streamSid, callSid, tracks: ['inbound'], mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 }, customParameters: { callId } } }));
  const startedAt = performance.now();
  const tick = () => {
    while (sending && ws.readyState === WebSocket.OPEN && startedAt + call.seq * 20 <= performance.now()) {
      const frame = stampFrame(index, call.seq);
      ws.send(`{"event":"media","sequenceNumber":"${call.seq + 2}","streamSid":"${streamSid}","media":{"track":"inbound","chunk":"${call.seq + 1}","timestamp":"${call.seq * 20}","payload":"${frame.toString('base64')}"}}`);
      call.seq++;
    }
    if (sending && ws.readyState === WebSocket.OPEN) call.timer = setTimeout(tick, Math.max(0, startedAt + call.seq * 20 - performance.now()));
  };
  tick();
}

serveParent(async (cmd) => {
  if (cmd.startsWith('start:')) {
    const n = Number(cmd.slice(6));
    // Twenty at a time, as calls arrive in a burst rather than all in one millisecond.
    for (let i = 0; i < n; i += 20) {
      await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, k) => startCall(i + k).catch((err: unknown) => void failed.push(String(err)))));
    }
    return { started: calls.length, failed };
  }
  if (cmd === 'reset') {
    measuring = true;
    hops = [];
    return null;
  }
  if (cmd === 'quiet') {
    sending = false;
    measuring = false;
    for (const c of calls) clearTimeout(c.timer);
    return null;
  }
  if (cmd === 'hangup') {
    for (const c of calls) c.ws.close(1000);
    return null;
  }
  return {
    hops, lost: check.lost, reordered: check.reordered, received: check.received, startupMissing: check.startupMissing(), lastReceived: check.last(),
    sent: Object.fromEntries(calls.map((c) => [c.index, c.seq])), clears, unparsed, open: calls.filter((c) => c.ws.readyState === WebSocket.OPEN).length,
  };
});
process.send?.({ ready: true });
