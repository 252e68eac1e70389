import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { fixtureMulaw } from '../helpers/audio-fixtures.js';
import { eventually, startVoiceHarness, type VoiceHarness } from '../helpers/voice.js';
import { ringStream, silence, ttsAudio } from './stream-call-helpers.js';

// The prompts a stream call plays when the speech service fails are in the operator's words: a
// changed AGENTLINE_FALLBACK_LINE is rendered through TTS at start-up, in the background, and
// kept on disk, so the next start plays it without asking TTS again. When TTS is down, callers
// hear the shipped recording of the default line rather than silence.

const LINE = 'Sorry, our line is a bit busy. Please say that once more.';
const SHIPPED_FALLBACK = readFileSync(new URL('../../media/fallback.ulaw', import.meta.url));

let speech: FakeSpeechServer;
let dirs: string[] = [];
let v: VoiceHarness | undefined;

beforeAll(async () => {
  speech = await startFakeSpeech();
});
afterEach(async () => {
  await v?.close();
  v = undefined;
  speech.speech.length = 0;
  speech.transcriptions.length = 0;
  speech.scriptTts({});
  speech.scriptStt({ text: 'hello' });
});
afterAll(async () => {
  await speech?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-prompts-'));
  dirs.push(dir);
  return join(dir, 'rendered');
}

const start = (cache: string) =>
  startVoiceHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech', AGENTLINE_FALLBACK_LINE: LINE, AGENTLINE_PROMPT_CACHE_DIR: cache, AGENTLINE_TTS_VOICE: 'verse' } });

const rendersOfLine = () => speech.speech.filter((r) => r.body.input === LINE);

/** A stream call whose STT fails: what the caller hears is the fallback prompt alone. */
async function fallbackHeard(h: VoiceHarness): Promise<Buffer> {
  const number = await h.number({ media_mode: 'stream' });
  const { caller } = await ringStream(h, number.phone_number);
  speech.scriptStt({ status: 503 });
  await caller.play(Buffer.concat([fixtureMulaw('hello.wav'), silence(700)]));
  await eventually(async () => caller.echoedMarks.length === 1, 15_000);
  const heard = Buffer.concat(caller.audioFrames());
  caller.close();
  return heard;
}

describe('prompts in the operator\'s words', () => {
  it('a changed fallback line is rendered at start-up and heard in its rendered form; the next start plays it from the cache', async () => {
    const cache = cacheDir();
    v = await start(cache);
    // Rendered in the background with the default voice and the TTS model, then cached.
    await eventually(async () => rendersOfLine().length === 1 && existsSync(cache) && readdirSync(cache).some((f) => f.endsWith('.ulaw')), 10_000);
    expect(rendersOfLine()[0]!.body).toMatchObject({ model: 'gpt-4o-mini-tts', voice: 'verse', response_format: 'pcm' });
    // Only the changed line: the default goodbyes have their shipped recordings.
    expect(speech.speech.map((r) => r.body.input)).toEqual([LINE]);

    const heard = await fallbackHeard(v);
    expect(heard.equals(ttsAudio(LINE))).toBe(true);
    expect(heard.equals(SHIPPED_FALLBACK)).toBe(false);
    await v.close();

    // A restart on the same cache: no TTS request for the line (TTS is even down), yet the caller
    // hears the rendered line, not the shipped one.
    speech.speech.length = 0;
    speech.scriptTts({ status: 503 });
    v = await start(cache);
    expect((await fallbackHeard(v)).equals(ttsAudio(LINE))).toBe(true);
    expect(rendersOfLine()).toEqual([]);
  }, 60_000);

  it('TTS down at start-up: the caller hears the shipped fallback, and nothing is cached', async () => {
    const cache = cacheDir();
    speech.scriptTts({ status: 503 });
    v = await start(cache);
    await eventually(async () => rendersOfLine().length === 1);
    expect((await fallbackHeard(v)).equals(SHIPPED_FALLBACK)).toBe(true);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  }, 60_000);
});
