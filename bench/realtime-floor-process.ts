import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { PUBLIC_URL, serveFloor } from './shared.js';

// The FLOOR of the Realtime benchmark: the thinnest bridge that does the gateway's job on the
// wire, with `node:http` and `ws` only, measured in the same run as the gateway, so the ratio
// gateway/floor says what our code costs and the floor itself says what this machine allows.
//   POST /carrier/twilio/voice   answers `<Connect><Stream>` with a callId parameter (no
//                                signature check, no database, no call record)
//   WS /carrier/twilio/media     on `start`, one WS to the Realtime server (BENCH_REALTIME_URL),
//                                `session.update`, then caller `media` → `input_audio_buffer.append`
//                                and `response.output_audio.delta` → Twilio `media`, with a `mark`
//                                after every 100 ms of agent audio and at the end of a response,
//                                as the gateway sends them. Mark echoes are read and dropped.
// Payloads are passed as the same base64 strings, so the frames' stamps (realtime-frames.ts)
// survive. Every frame is JSON.parse'd (as any correct relay must), nothing else is checked.
// Commands and answers are the gateway process's: memory, reset, sample.

const upstreamUrl = process.env.BENCH_REALTIME_URL!;
const MARK_EVERY_MS = 100;
let calls = 0;
let live = 0;

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/carrier/twilio/voice') {
    req.resume();
    req.on('end', () => {
      const callId = `call_FLOOR${String(++calls).padStart(8, '0')}`;
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="${PUBLIC_URL.replace('https', 'wss')}/carrier/twilio/media"><Parameter name="callId" value="${callId}"/></Stream></Connect></Response>`);
    });
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  if (req.url !== '/carrier/twilio/media') return void socket.destroy();
  wss.handleUpgrade(req, socket, head, bridge);
});

function bridge(twilio: WebSocket): void {
  let streamSid = '';
  let model: WebSocket | null = null;
  let ready = false;
  const early: string[] = [];
  let unmarkedMs = 0;
  let marks = 0;
  const mark = () => {
    unmarkedMs = 0;
    twilio.send(`{"event":"mark","streamSid":"${streamSid}","mark":{"name":"f${++marks}"}}`);
  };
  live++;
  twilio.on('error', () => undefined);
  twilio.on('close', () => {
    live--;
    model?.close();
  });
  twilio.on('message', (data) => {
    try {
      const frame = JSON.parse(data.toString()) as { event?: string; streamSid?: string; media?: { payload?: string } };
      if (frame.event === 'media') {
        const payload = frame.media?.payload ?? '';
        if (ready) model!.send(`{"type":"input_audio_buffer.append","audio":"${payload}"}`);
        else if (early.length < 100) early.push(payload);
        return;
      }
      if (frame.event !== 'start' || model) return;
      streamSid = frame.streamSid ?? '';
      const url = new URL(upstreamUrl);
      url.searchParams.set('model', 'gpt-realtime');
      model = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 20_000 });
      model.on('error', () => twilio.close(1011));
      model.on('close', () => twilio.close(1000));
      model.on('open', () => {
        model!.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', audio: { input: { format: { type: 'audio/pcmu' } }, output: { format: { type: 'audio/pcmu' } } } } }));
      });
      model.on('message', (raw) => {
        try {
          const e = JSON.parse(raw.toString()) as { type?: string; delta?: string };
          if (e.type === 'response.output_audio.delta') {
            const delta = e.delta ?? '';
            twilio.send(`{"event":"media","streamSid":"${streamSid}","media":{"payload":"${delta}"}}`);
            unmarkedMs += (delta.length * 3) / 4 / 8; // bytes of μ-law / 8 per ms (padding ignored)
            if (unmarkedMs >= MARK_EVERY_MS) mark();
          } else if (e.type === 'response.output_audio.done' || e.type === 'response.done') {
            if (unmarkedMs > 0) mark();
          } else if (e.type === 'session.updated' && !ready) {
            ready = true;
            for (const p of early.splice(0)) model!.send(`{"type":"input_audio_buffer.append","audio":"${p}"}`);
          }
        } catch {
          // a malformed frame is dropped
        }
      });
    } catch {
      // a malformed frame is dropped
    }
  });
}

await serveFloor(server, wss, () => live);
