import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeWav } from '../../src/media/wav.js';
import { SpeechError } from '../../src/speech/speech-error.js';
import { isoLanguage, OpenAISpeechToText } from '../../src/speech/stt/speech-to-text.js';
import { OpenAITextToSpeech } from '../../src/speech/tts/text-to-speech.js';
import { startFakeSpeech, tonePcm, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { fixtureSamples } from '../helpers/audio-fixtures.js';

// The real openai SDK against OpenAI-compatible fakes on loopback. Timeouts here are short
// settings that make a hang fail fast, never assertions about how long anything took; a
// timeout that must NOT fire between healthy chunks is kept generous (the fake shares our loop).

let fake: FakeSpeechServer;
let client: OpenAI;
beforeAll(async () => {
  fake = await startFakeSpeech();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.transcriptions.length = 0;
  fake.speech.length = 0;
  fake.scriptStt({ text: 'hello' });
  fake.scriptTts({});
});

async function failure(promise: Promise<unknown>): Promise<SpeechError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpeechError);
  return err as SpeechError;
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

describe('OpenAISpeechToText', () => {
  const stt = () => new OpenAISpeechToText({ client, model: 'gpt-4o-mini-transcribe', timeoutMs: 2000 });
  const wav = writeWav({ sampleRate: 8000, samples: fixtureSamples('hello.wav') });

  it('uploads the utterance as a WAV file with the model and the ISO language, and returns the text', async () => {
    fake.scriptStt({ text: '  Hello, I would like to book an appointment.  ' });
    const text = await stt().transcribe(wav, { language: 'en-US', prompt: 'Acme Dental' });
    expect(text).toBe('Hello, I would like to book an appointment.');
    const [request] = fake.transcriptions;
    expect(request).toMatchObject({
      model: 'gpt-4o-mini-transcribe',
      language: 'en',
      prompt: 'Acme Dental',
      responseFormat: 'json',
      filename: 'utterance.wav',
      fileType: 'audio/wav',
    });
    expect(request!.file.equals(wav)).toBe(true);
    expect(request!.headers.authorization).toBe('Bearer sk-test');
  });

  it('an empty transcript is the empty string (no turn)', async () => {
    fake.scriptStt({ text: ' ' });
    expect(await stt().transcribe(wav)).toBe('');
    expect(fake.transcriptions[0]!.language).toBeUndefined();
  });

  it('an HTTP error is an http_status SpeechError with the status', async () => {
    fake.scriptStt({ status: 503 });
    const err = await failure(stt().transcribe(wav));
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(503);
  });

  it('a response without text is malformed', async () => {
    fake.scriptStt({ json: { nope: true } });
    expect((await failure(stt().transcribe(wav))).code).toBe('malformed');
  });

  it('a server that never answers is a timeout, and the request is closed', async () => {
    fake.scriptStt({ hang: true });
    const quick = new OpenAISpeechToText({ client, model: 'm', timeoutMs: 150 });
    expect((await failure(quick.transcribe(wav))).code).toBe('timeout');
    await fake.transcriptions[0]!.closed;
    expect(fake.transcriptions[0]!.closedEarly).toBe(true);
  });

  it('aborting (barge-in) ends it as aborted, not as a failure', async () => {
    fake.scriptStt({ hang: true });
    const controller = new AbortController();
    const pending = stt().transcribe(wav, { signal: controller.signal });
    await new Promise<void>((resolve) => {
      const poll = () => (fake.transcriptions.length > 0 ? resolve() : setTimeout(poll, 5));
      poll();
    });
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
    await fake.transcriptions[0]!.closed;
    expect(fake.transcriptions[0]!.closedEarly).toBe(true);
  });

  it('an already-aborted signal sends nothing', async () => {
    expect((await failure(stt().transcribe(wav, { signal: AbortSignal.abort() }))).code).toBe('aborted');
    expect(fake.transcriptions).toHaveLength(0);
  });

  it('maps BCP-47 tags to ISO-639-1', () => {
    expect(isoLanguage('en-US')).toBe('en');
    expect(isoLanguage('pt_BR')).toBe('pt');
    expect(isoLanguage('FR')).toBe('fr');
    expect(isoLanguage('')).toBeUndefined();
    expect(isoLanguage('12-x')).toBeUndefined();
  });
});

describe('OpenAITextToSpeech', () => {
  const tts = (timeouts: { firstByteTimeoutMs?: number; idleTimeoutMs?: number } = {}) =>
    new OpenAITextToSpeech({ client, model: 'gpt-4o-mini-tts', firstByteTimeoutMs: 2000, ...timeouts });

  it('asks for raw 24 kHz PCM with the voice and returns every byte, in order', async () => {
    const pcm = tonePcm(700);
    fake.scriptTts({ pcm, chunkBytes: 1001 }); // odd chunks: samples split across them
    const chunks: Buffer[] = [];
    for await (const chunk of tts().stream('Your appointment is booked.', { voice: 'coral', speed: 1.1 })) chunks.push(chunk);
    expect(fake.speech[0]!.body).toEqual({
      model: 'gpt-4o-mini-tts',
      input: 'Your appointment is booked.',
      voice: 'coral',
      response_format: 'pcm',
      speed: 1.1,
    });
    expect(chunks.every((c) => c.length % 2 === 0)).toBe(true);
    expect(Buffer.concat(chunks).equals(pcm)).toBe(true);
  });

  it('yields the first audio while the server is still synthesising the rest', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    fake.scriptTts({ pcm: tonePcm(500), chunkBytes: 4800, holdAfterFirstChunk: hold });
    const stream = tts().stream('Hello there.', { voice: 'alloy' })[Symbol.asyncIterator]();
    const first = await stream.next(); // would never resolve if the body were buffered
    expect(first.value).toHaveLength(4800);
    expect(fake.speech[0]!.bytesSent).toBe(4800);
    release();
    let rest = 0;
    for (let next = await stream.next(); !next.done; next = await stream.next()) rest += next.value.length;
    expect(4800 + rest).toBe(tonePcm(500).length);
  });

  it('an HTTP error is an http_status SpeechError', async () => {
    fake.scriptTts({ status: 500 });
    const err = await failure(collect(tts().stream('Hi.', { voice: 'alloy' })));
    expect(err).toMatchObject({ code: 'http_status', status: 500 });
  });

  it('no first byte within the timeout is a timeout', async () => {
    fake.scriptTts({ hang: true });
    expect((await failure(collect(tts({ firstByteTimeoutMs: 150 }).stream('Hi.', { voice: 'alloy' })))).code).toBe('timeout');
    await fake.speech[0]!.closed;
    expect(fake.speech[0]!.closedEarly).toBe(true);
  });

  it('a stream that stalls mid-clause is a timeout after the audio that did arrive', async () => {
    fake.scriptTts({ pcm: tonePcm(500), chunkBytes: 4800, stallAfterBytes: 9600 });
    const received: Buffer[] = [];
    const err = await failure(
      (async () => {
        for await (const chunk of tts({ idleTimeoutMs: 1000 }).stream('Hello there.', { voice: 'alloy' })) received.push(chunk);
      })(),
    );
    expect(err.code).toBe('timeout');
    expect(Buffer.concat(received).length).toBe(9600);
  });

  it('barge-in aborts the request mid-stream: aborted, and the server sees the connection close', async () => {
    fake.scriptTts({ pcm: tonePcm(2000), chunkBytes: 4800, chunkDelayMs: 20 });
    const controller = new AbortController();
    let chunks = 0;
    const err = await failure(
      (async () => {
        for await (const _ of tts().stream('A long answer.', { voice: 'alloy', signal: controller.signal })) {
          if (++chunks === 2) controller.abort();
        }
      })(),
    );
    expect(err.code).toBe('aborted');
    await fake.speech[0]!.closed;
    expect(fake.speech[0]!.closedEarly).toBe(true);
  });

  it('a consumer that stops reading closes the request', async () => {
    fake.scriptTts({ pcm: tonePcm(2000), chunkBytes: 4800, chunkDelayMs: 20 });
    for await (const _ of tts().stream('A long answer.', { voice: 'alloy' })) break;
    await fake.speech[0]!.closed;
    expect(fake.speech[0]!.closedEarly).toBe(true);
  });

  it('blank text makes no request', async () => {
    expect(await collect(tts().stream('   ', { voice: 'alloy' }))).toHaveLength(0);
    expect(fake.speech).toHaveLength(0);
  });
});
