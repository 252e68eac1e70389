import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaCaller } from '../../src/softphone/media-caller.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { type FakeServer, startFakeSseAgent } from '../fakes/fake-sse-agent.js';
import { fixtureBytes } from '../helpers/audio-fixtures.js';
import { sseReply } from '../helpers/voice.js';
import { activeMs, activity, parseStereoWav } from './wav-analysis.js';

// A crash in the middle of a recorded call: the real gateway process (`agentline serve`, built
// by `npm run build`) is killed with SIGKILL while a test-mode stream call talks through
// `agentline call --audio`'s media caller. On the next start, crash recovery closes the call and
// makes the half-written recording a valid WAV of what reached the disk; it becomes ready.

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let dir: string;
let speech: FakeSpeechServer;
let agent: FakeServer;
let server: ChildProcess | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-rec-crash-'));
  speech = await startFakeSpeech();
  agent = await startFakeSseAgent();
});
afterAll(async () => {
  server?.kill('SIGKILL');
  await Promise.all([speech?.close(), agent?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the gateway; resolves with its URL and everything it printed. */
async function serve(): Promise<{ url: string; out: () => string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      PATH: process.env.PATH, AGENTLINE_DB: join(dir, 'agentline.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      AGENTLINE_ALLOW_PRIVATE_URLS: 'true', AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((r) => child.once('exit', r));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start: ${out}`)), 20_000);
    const check = () => {
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code}): ${out}`)));
  });
  return { url, out: () => out, exited };
}

describe('a recording cut by a crash', () => {
  it('is a valid WAV of what was written, ready after the restart', async () => {
    const first = await serve();
    await new Promise((r) => setTimeout(r, 200)); // the one-time key is printed after listening
    const key = /al_test_[0-9A-Za-z]{32}/.exec(first.out())![0];
    const api = (base: string) => async (path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const call1 = api(first.url);
    expect((await call1('/v1/credits/purchase', { amount_cents: 1000 })).status).toBe(201);
    const number = (await call1('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream', recording: true })).body.data;
    speech.scriptStt({ text: 'Hello there.' });
    agent.script(sseReply('Hi! How can I help you today?'));

    const phone = await MediaCaller.connect({ baseUrl: first.url, key, number: number.phone_number, wav: fixtureBytes('hello.wav') });
    const started = performance.now();
    const callId = await new Promise<string>((r) => phone.whenCall((info) => r(info.call_id)));
    // The agent answers; let its reply play for a while, then the gateway dies mid-sentence.
    await new Promise<void>((resolve) => {
      phone.onTurn = (t) => t.speaker === 'agent' && resolve();
    });
    await new Promise((r) => setTimeout(r, 1500));
    server!.kill('SIGKILL');
    await first.exited;
    const aliveMs = performance.now() - started;
    await phone.closed;

    const folder = join(dir, 'recordings', readdirSync(join(dir, 'recordings'))[0]!);
    const [name] = readdirSync(folder);
    const cut = readFileSync(join(folder, name!));
    expect(cut.length).toBeGreaterThan(44 + 32_000); // more than a second had been written

    const second = await serve();
    const call2 = api(second.url);
    const call = (await call2(`/v1/calls/${callId}`)).body.data;
    expect(call).toMatchObject({ status: 'completed', end_reason: 'recovered' });
    const res = await call2(`/v1/calls/${callId}/recording`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rec = res.body.data;
    expect(rec).toMatchObject({ format: 'wav', channels: 2 });
    expect(rec.size_bytes).toBe(statSync(join(folder, name!)).size);

    // The link is signed with the secret the first run made and kept.
    const link = new URL(rec.url);
    const download = await fetch(`${second.url}${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    const wav = parseStereoWav(Buffer.from(await download.arrayBuffer()));
    expect(wav.durationSeconds).toBeCloseTo(rec.duration_seconds, 2);
    // Written in batches of about a second: at most that much (plus the kill) is missing.
    expect(wav.durationSeconds).toBeGreaterThan(aliveMs / 1000 - 2);
    expect(wav.durationSeconds).toBeLessThanOrEqual(aliveMs / 1000 + 0.2);
    expect(activeMs(activity(wav.left))).toBeGreaterThan(300); // the caller's words
    expect(activeMs(activity(wav.right))).toBeGreaterThan(300); // the start of the agent's reply

    const events = (await call2('/v1/events?limit=100')).body.data as Array<{ type: string; data: any }>;
    expect(events.filter((e) => e.type === 'call.recording.ready' && e.data.call_id === callId)).toHaveLength(1);
  }, 90_000);
});
