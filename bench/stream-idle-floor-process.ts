import { createServer } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { PUBLIC_URL, serveFloor } from './shared.js';

// The FLOOR of the stream idle run: what one Media Streams socket sending a frame every 20 ms
// costs a Node process that does nothing but receive it, with `node:http` and `ws` only, measured
// in the same run as the gateway (the gateway's CPU minus this is what our code costs).
//   POST /carrier/twilio/voice   answers `<Connect><Stream>` with a callId parameter (no
//                                signature check, no database, no call record)
//   WS /carrier/twilio/media     on `start`, one 20 ms `media` frame of silence and a `mark` (the
//                                greeting the carrier waits for); every frame is JSON.parse'd,
//                                nothing else is done with it: no check, no decoding, no VAD.
// Commands and answers are the gateway process's: memory, reset, sample.

let calls = 0;
let live = 0;
const GREETING = Buffer.alloc(160, 0xff).toString('base64');

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
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
server.on('upgrade', (req, socket, head) => {
  if (req.url !== '/carrier/twilio/media') return void socket.destroy();
  wss.handleUpgrade(req, socket, head, serve);
});

function serve(twilio: WebSocket): void {
  live++;
  twilio.on('error', () => undefined);
  twilio.on('close', () => live--);
  twilio.on('message', (data) => {
    try {
      const frame = JSON.parse(data.toString()) as { event?: string; streamSid?: string };
      if (frame.event !== 'start') return;
      const sid = JSON.stringify(frame.streamSid ?? '');
      twilio.send(`{"event":"media","streamSid":${sid},"media":{"payload":"${GREETING}"}}`);
      twilio.send(`{"event":"mark","streamSid":${sid},"mark":{"name":"greeting"}}`);
    } catch {
      // a malformed frame is dropped
    }
  });
}

await serveFloor(server, wss, () => live, { key: 'floor' });
