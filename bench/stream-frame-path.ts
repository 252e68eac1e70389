import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import type { LegEvents } from '../src/calls/call-leg.js';
import { MediaStreamLeg } from '../src/carriers/twilio/media-stream-leg.js';
import { serveMediaStream } from '../src/carriers/twilio/media-stream-socket.js';
import { EnergyGatedVad } from '../src/speech/vad/energy-vad.js';
import { SileroVadModel } from '../src/speech/vad/silero-vad.js';

// `npm run bench:frames`: what OUR code costs per idle Media Streams frame, without the socket:
// BENCH_FRAMES_CALLS stream legs (100) with Silero behind the energy gate, each handed
// BENCH_FRAMES_SECONDS (20) of 20 ms silent `media` messages through the socket handler's
// 'message' listener (the Buffer ws would hand it → JSON → check → leg → VAD → endpointer →
// recorder). No network, no `ws`, no timers: the frames go as fast as the loop takes them (the
// microtasks run every ten rounds), so the figure is CPU per frame, steadier on a busy machine
// than the idle run of `npm run bench -- --only stream`, which adds the socket (its floor).

const CALLS = Number(process.env.BENCH_FRAMES_CALLS ?? 100);
const SECONDS = Number(process.env.BENCH_FRAMES_SECONDS ?? 20);
const ROUNDS = SECONDS * 50;

const model = await SileroVadModel.load({ sampleRate: 8000 });
const noop = () => undefined;
const log = { info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, child: () => log } as never;
const events = { callerSaid: noop, interrupted: noop, digit: noop, hangup: noop } as unknown as LegEvents;
const silence = Buffer.alloc(160, 0xff).toString('base64');

const sockets: EventEmitter[] = [];
for (let c = 0; c < CALLS; c++) {
  const socket = Object.assign(new EventEmitter(), { OPEN: 1, readyState: 1, send: noop, close: noop });
  const leg = new MediaStreamLeg({
    socket: socket as unknown as WebSocket,
    streamSid: `MZ${c}`,
    log,
    vad: new EnergyGatedVad(model.createStream()),
    stt: { transcribe: async () => '' },
    tts: {} as never,
    voice: 'alloy',
    endpointingMs: 500,
    bargeInMs: 250,
    prompts: { fallback: Buffer.alloc(0) },
    finish: async () => undefined,
  });
  leg.attach(events);
  serveMediaStream(socket as unknown as WebSocket, { log, start: async () => leg });
  socket.emit('message', Buffer.from(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' })), false);
  socket.emit('message', Buffer.from(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid: `MZ${c}`, start: { callSid: `CA${c}`, streamSid: `MZ${c}`, customParameters: { callId: `call_${c}` } } })), false);
  sockets.push(socket);
}
await new Promise((resolve) => setTimeout(resolve, 50)); // the legs are built

// As Twilio sends them (a fresh Buffer per message, as ws hands them over): 64 rounds prepared.
const message = (c: number, n: number) =>
  Buffer.from(`{"event":"media","sequenceNumber":"${n + 2}","streamSid":"MZ${c}","media":{"track":"inbound","chunk":"${n + 1}","timestamp":"${n * 20}","payload":"${silence}"}}`);
const prepared = Array.from({ length: 64 }, (_, n) => sockets.map((_, c) => message(c, n)));
async function rounds(count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const row = prepared[n % 64]!;
    for (let c = 0; c < CALLS; c++) sockets[c]!.emit('message', row[c], false);
    if (n % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
}

await rounds(500); // warm-up (JIT)
const cpu0 = process.cpuUsage();
await rounds(ROUNDS);
const cpu = process.cpuUsage(cpu0);
const frames = ROUNDS * CALLS;
const usPerFrame = (cpu.user + cpu.system) / frames;
console.log(`stream frame path: ${frames} idle media frames through ${CALLS} legs: ${usPerFrame.toFixed(2)} µs CPU per frame = ${((usPerFrame * 5000) / 1e4).toFixed(2)} % of a core per 100 calls (our code only, no socket)`);
model.close();
process.exit(0);
