import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadShippedPrompts, type PromptName, type ShippedPrompt } from '../../src/media/prompts.js';
import { cacheKey, PromptBook } from '../../src/speech/rendered-prompts.js';
import { OpenAITextToSpeech } from '../../src/speech/tts/text-to-speech.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { ttsAudio } from './stream-call-helpers.js';

// The prompt book on its own (the real openai SDK against the fake TTS, a real cache folder):
// which lines it renders, how it reads its cache, how it says what happened, when it tries again.

const LINE = 'We are sorry, something went wrong on our side.';
const GOODBYE = 'Thanks for calling, we have to stop here.';

let speech: FakeSpeechServer;
let shipped: Map<PromptName, ShippedPrompt>;
let dir: string;
let lines: Array<{ level: string; msg: string }>;

const log = {
  info: (_o: unknown, msg: string) => lines.push({ level: 'info', msg }),
  warn: (_o: unknown, msg: string) => lines.push({ level: 'warn', msg }),
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child: () => log,
  level: 'info',
} as unknown as FastifyBaseLogger;

beforeAll(async () => {
  speech = await startFakeSpeech();
  shipped = await loadShippedPrompts();
});
afterAll(async () => speech?.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-book-'));
  lines = [];
  speech.speech.length = 0;
  speech.scriptTts({});
  return () => rmSync(dir, { recursive: true, force: true });
});

function book(opts: { voice?: string; now?: () => number; retryAfterMs?: number; lines?: Partial<Record<PromptName, string>> } = {}) {
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: speech.url, maxRetries: 0 });
  return new PromptBook({
    shipped,
    lines: opts.lines ?? { fallback: LINE, failure_goodbye: shipped.get('failure_goodbye')!.text, credits_goodbye: GOODBYE },
    tts: new OpenAITextToSpeech({ client, model: 'tts-1', firstByteTimeoutMs: 2000, idleTimeoutMs: 2000 }),
    model: 'tts-1',
    voice: opts.voice ?? 'alloy',
    cacheDir: dir,
    log,
    retryAfterMs: opts.retryAfterMs,
    now: opts.now,
  });
}

describe('PromptBook', () => {
  it('renders only the changed lines, plays them by their text, and logs one line', async () => {
    const b = book();
    expect(b.changedLines.map((l) => l.name)).toEqual(['fallback', 'credits_goodbye']);
    // Before rendering: the shipped audio of the default line; the changed goodbye has none yet.
    expect(b.fallback.equals(shipped.get('fallback')!.mulaw)).toBe(true);
    expect(b.forLine(GOODBYE)).toBeUndefined();
    await b.render();
    expect(speech.speech.map((r) => [r.body.input, r.body.voice, r.body.model])).toEqual([[LINE, 'alloy', 'tts-1'], [GOODBYE, 'alloy', 'tts-1']]);
    expect(b.fallback.equals(ttsAudio(LINE))).toBe(true);
    expect(b.forLine(` ${GOODBYE} `)!.equals(ttsAudio(GOODBYE))).toBe(true);
    // The unchanged line keeps its shipped recording.
    expect(b.forLine(shipped.get('failure_goodbye')!.text)!.equals(shipped.get('failure_goodbye')!.mulaw)).toBe(true);
    expect(lines).toEqual([{ level: 'info', msg: expect.stringContaining('fallback rendered through TTS, credits_goodbye rendered through TTS') }]);
    // Rendered once: a second pass asks nothing.
    await b.render();
    expect(speech.speech).toHaveLength(2);
  });

  it('reads its cache by model, voice and text; a torn file or another voice is rendered again', async () => {
    await book().render();
    expect(readdirSync(dir).sort()).toEqual([`${cacheKey('tts-1', 'alloy', GOODBYE)}.ulaw`, `${cacheKey('tts-1', 'alloy', LINE)}.ulaw`].sort());
    speech.speech.length = 0;
    writeFileSync(join(dir, `${cacheKey('tts-1', 'alloy', GOODBYE)}.ulaw`), Buffer.alloc(100, 0xff)); // not whole frames
    const again = book();
    await again.render();
    expect(speech.speech.map((r) => r.body.input)).toEqual([GOODBYE]);
    expect(again.fallback.equals(ttsAudio(LINE))).toBe(true);
    expect(lines.at(-1)!.msg).toContain('credits_goodbye rendered through TTS, fallback from the cache');

    speech.speech.length = 0;
    await book({ voice: 'verse' }).render();
    expect(speech.speech.map((r) => [r.body.input, r.body.voice])).toEqual([[LINE, 'verse'], [GOODBYE, 'verse']]);
  });

  it('TTS down: shipped audio, one warning, and no new attempt before the retry delay', async () => {
    let now = 0;
    speech.scriptTts({ status: 500 });
    const b = book({ now: () => now, retryAfterMs: 60_000 });
    await b.render();
    expect(b.fallback.equals(shipped.get('fallback')!.mulaw)).toBe(true);
    expect(lines).toEqual([{ level: 'warn', msg: expect.stringContaining('could not render fallback, credits_goodbye through TTS') }]);
    expect(readdirSync(dir)).toEqual([]);
    const asked = speech.speech.length;
    await b.render();
    expect(speech.speech.length).toBe(asked);

    // TTS is back and the delay has passed: the next stream call's pass renders the lines.
    speech.scriptTts({});
    now = 60_000;
    await b.render();
    expect(b.fallback.equals(ttsAudio(LINE))).toBe(true);
    expect(lines.at(-1)!.level).toBe('info');
  });

  it('with the default lines there is nothing to render', async () => {
    const defaults = book({ lines: { fallback: shipped.get('fallback')!.text, failure_goodbye: shipped.get('failure_goodbye')!.text, credits_goodbye: shipped.get('credits_goodbye')!.text } });
    expect(defaults.changedLines).toEqual([]);
    await defaults.render();
    expect(speech.speech).toEqual([]);
    expect(lines).toEqual([]);
    expect(defaults.fallback.equals(shipped.get('fallback')!.mulaw)).toBe(true);
  });
});
