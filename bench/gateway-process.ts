import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { SimCarrier } from '../src/carriers/sim/sim-carrier.js';
import { databaseLocation, migrateToLatest, openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { createKey } from '../src/keys/key-service.js';
import { findActiveByPhone } from '../src/numbers/number-repository.js';
import { MediaStreamLeg } from '../src/carriers/twilio/media-stream-leg.js';
import type { MediaFrame } from '../src/carriers/twilio/media-frames.js';
import { UtteranceRecorder } from '../src/speech/stt/utterance-recorder.js';
import { VoiceActivity, type WindowSink } from '../src/speech/vad/voice-activity.js';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, serveParent, windowProfile, windowStats, summarize } from './shared.js';

// The real gateway in its own process, as Twilio sees it: PUBLIC_URL is a public host (what the
// carrier signs), the socket is 127.0.0.1. Numbers come from the simulated carrier so no Twilio
// REST is needed (inbound calls never call it); everything after the voice webhook is the real
// Twilio path. Reports its port, then answers the bench's commands:
//   memory → RSS and JS heap after a full GC (idle before a run, and with its calls open)
//   reset  → restarts the measurement window (event-loop histogram, CPU counters)
//   sample → event-loop delay, CPU and RSS over the window so far
//   probes → the stream run's probes over the window (see probeStreamPipeline)
//
// The stream run (BENCH_MEDIA_MODE=stream) makes the number a `stream` number and points the
// speech endpoints at the fake speech processes. The gateway has one speech base URL
// (AGENTLINE_SPEECH_BASE_URL, for both /audio/transcriptions and /audio/speech); so that STT and
// TTS each get a process of their own, the base URL is the TTS process and this process's fetch
// dispatcher (undici, under the openai SDK) sends /v1/audio/transcriptions to the STT process's
// port instead: a connection-level redirect, no proxy hop, nothing changed in the gateway.

const LIMIT = '10000000';

// Stream run probes, wrapped around two methods (behaviour unchanged, a clock read each):
//  - inbound lag: when the leg gets each caller `media` frame, against the frame's own audio
//    timestamp, relative to the earliest frame of that stream (how late the gateway hears audio);
//  - VAD judging: from a frame that completes a 32 ms window to its window being judged (at once
//    when the energy gate answers; Silero runs in onnxruntime's setImmediate, one window per
//    event-loop turn per call);
//  - the time to cut an utterance out as the WAV for STT (synchronous, on the event loop).
const inboundLag: number[] = [];
const vadLag: number[] = [];
const wavBuild: number[] = [];
function probeStreamPipeline(): void {
  const offsets = new WeakMap<object, number>();
  const handleFrame = MediaStreamLeg.prototype.handleFrame;
  MediaStreamLeg.prototype.handleFrame = function (this: MediaStreamLeg, frame: MediaFrame) {
    if (frame.event === 'media' && frame.media.timestamp !== undefined) {
      const offset = performance.now() - Number(frame.media.timestamp);
      const earliest = Math.min(offsets.get(this) ?? offset, offset);
      offsets.set(this, earliest);
      inboundLag.push(offset - earliest);
    }
    return handleFrame.call(this, frame);
  };
  const feedMulaw = VoiceActivity.prototype.feedMulaw;
  VoiceActivity.prototype.feedMulaw = function (this: VoiceActivity, frame: Uint8Array, sink: WindowSink) {
    const t = performance.now();
    feedMulaw.call(this, frame, {
      windows: (windows) => {
        if (windows.length > 0) vadLag.push(performance.now() - t);
        sink.windows(windows);
      },
      failed: (err) => sink.failed(err),
    });
  };
  const utteranceWav = UtteranceRecorder.prototype.utteranceWav;
  UtteranceRecorder.prototype.utteranceWav = function (this: UtteranceRecorder, ...args: Parameters<typeof utteranceWav>) {
    const t = performance.now();
    const wav = utteranceWav.apply(this, args);
    wavBuild.push(performance.now() - t);
    return wav;
  };
}
const STREAM = process.env.BENCH_MEDIA_MODE === 'stream';

/** Sends the speech server's /v1/audio/transcriptions requests to `sttUrl` (see above). */
async function routeTranscriptionsTo(speechUrl: string, sttUrl: string): Promise<void> {
  const key = Symbol.for('undici.globalDispatcher.1');
  const g = globalThis as unknown as Record<symbol, { dispatch(opts: { origin?: unknown; path: string }, handler: unknown): boolean } | undefined>;
  if (!g[key]) await fetch('http://127.0.0.1:9/').catch(() => undefined); // makes Node create its dispatcher
  const base = g[key];
  if (!base) throw new Error('no global fetch dispatcher to route speech requests with');
  const from = new URL(speechUrl).origin;
  const to = new URL(sttUrl).origin;
  const routed = Object.create(base) as typeof base;
  routed.dispatch = (opts, handler) =>
    base.dispatch(String(opts.origin).replace(/\/$/, '') === from && opts.path.startsWith('/v1/audio/transcriptions') ? { ...opts, origin: to } : opts, handler);
  g[key] = routed;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-bench-'));
  const config = loadConfig({
    AGENTLINE_DB: join(dir, 'agentline.db'),
    PUBLIC_URL,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9', // nothing listens there; inbound calls need no REST
    AGENTLINE_ALLOW_PRIVATE_URLS: 'true',
    AGENTLINE_RATE_LIMIT_PER_IP: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_KEY: LIMIT,
    AGENTLINE_RATE_LIMIT_PER_WORKSPACE: LIMIT,
    LOG_LEVEL: 'silent',
    ...(STREAM ? { AGENTLINE_SPEECH_BASE_URL: `${process.env.BENCH_TTS_URL}/v1`, AGENTLINE_SPEECH_API_KEY: 'sk-bench' } : {}),
  });
  if (STREAM && process.env.BENCH_STREAM_PROBES !== '0') probeStreamPipeline();
  if (STREAM) await routeTranscriptionsTo(process.env.BENCH_TTS_URL!, process.env.BENCH_STT_URL!);
  const opened = await openDatabase(databaseLocation(config), { backgroundCheckpoints: process.env.BENCH_SQLITE_INLINE_CHECKPOINTS !== '1' });
  await migrateToLatest(opened.db);
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'live', phone)) !== undefined);
  const app = await buildApp({ config, db: opened.db, clock: systemClock, carriers: { test: sim, live: sim } }); // no logger: silent

  const { key } = await createKey({ db: opened.db, clock: systemClock }, { workspace: 'bench', mode: 'live', createWorkspace: true });
  const api = async (url: string, body: unknown) => {
    const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body).data;
  };
  await api('/v1/credits/purchase', { amount_cents: 1_000_000 });
  // One number, called N times at once: concurrent inbound calls to one number are allowed.
  const number = await api('/v1/numbers', {
    webhook_url: `${process.env.BENCH_AGENT_URL}/agent`,
    first_message: 'Hi, this is the bench agent.',
    ...(STREAM ? { media_mode: 'stream', endpointing_ms: Number(process.env.BENCH_ENDPOINTING_MS ?? 500) } : {}),
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const stats = windowStats(() => app.voice.registry.size);
  const profile = windowProfile('gateway');
  serveParent(
    async (cmd) => {
      if (cmd === 'memory') return stats.memory();
      if (cmd === 'probes') return { inboundLagMs: summarize(inboundLag), vadLagMs: summarize(vadLag), wavBuildMs: summarize(wavBuild) };
      if (cmd === 'reset') {
        await profile.start();
        stats.reset();
        inboundLag.length = 0;
        vadLag.length = 0;
        wavBuild.length = 0;
        return null;
      }
      const sample = stats.sample();
      if (cmd === 'sample') await profile.stop();
      return sample;
    },
    async () => {
      await Promise.all(app.voice.registry.all().map((s) => s.close('gateway_shutdown')));
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );
  process.send?.({ port: (app.server.address() as AddressInfo).port, phone: number.phone_number as string, key });
}

await main();
