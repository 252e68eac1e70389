import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWav } from '../../src/media/wav.js';
import { rmsDbfs } from '../../src/media/pcm16.js';
import type { MediaCaller } from '../../src/softphone/media-caller.js';
import { runMediaCall } from '../../src/softphone/media-call-cli.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { AUDIO_DIR } from '../helpers/audio-fixtures.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// `agentline call NUMBER --audio in.wav --record out.wav`: a Media Streams caller on a test key,
// through the real gateway (the same leg, Silero VAD and session as a Twilio stream), with the
// openai SDK against fake STT/TTS servers and a fake SSE agent.

let h: Harness;
let agent: FakeServer;
let speech: FakeSpeechServer;
let api: Api;
let key: string;
let base: string;

beforeAll(async () => {
  agent = await startFakeSseAgent();
  speech = await startFakeSpeech();
  h = await createHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech' } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'dev' });
  api = h.api(key);
  await fund(api, 2000);
});
afterAll(async () => {
  await h?.close();
  await agent?.close();
  await speech?.close();
});

describe('the media softphone', () => {
  it('plays a 22 kHz WAV after the greeting, prints the transcript as it happens, records the agent and bills the call', async () => {
    const num = expectOk(
      await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream', first_message: 'Hi, this is Acme.', endpointing_ms: 400 }),
      201,
    ).data;
    speech.scriptStt({ text: 'I need an appointment.' });
    agent.script(sseReply('Sure, ', 'Tuesday at ten works.'));
    const record = join(mkdtempSync(join(tmpdir(), 'agentline-media-')), 'out.wav');
    let printed = '';
    let caller!: MediaCaller;
    const run = runMediaCall({
      baseUrl: base,
      key,
      number: num.phone_number,
      wav: readFileSync(join(AUDIO_DIR, 'espeak-hello-22k.wav')),
      recordPath: record,
      out: (s) => (printed += s),
      onCaller: (c) => (caller = c),
    });

    // The transcript prints turn by turn while the call is up: the fake STT's text as the
    // caller's turn, then the agent's reply.
    await eventually(async () => printed.includes('agent: Sure, Tuesday at ten works.'), 30_000);
    const turns = printed.split('\n').filter((l) => /^(agent|caller): /.test(l));
    expect(turns).toEqual(['agent: Hi, this is Acme.', 'caller: I need an appointment.', 'agent: Sure, Tuesday at ten works.']);
    expect(agent.requests[0]!.body.messages.at(-1)).toEqual({ role: 'user', content: 'I need an appointment.' });
    // The file arrived as 8 kHz audio the STT could take, after the greeting had played.
    expect(speech.transcriptions.length).toBe(1);

    // The reply plays out (its marks echoed) before the caller hangs up.
    await eventually(async () => speech.speech.length >= 2 && caller.quiet, 15_000);
    expect(printed).not.toContain('[interrupted]');
    await caller.hangup();
    expect(await run).toBe(0);
    expect(printed).toContain(`recorded the agent's audio to ${record}`);

    // out.wav: the agent's audio (greeting and reply, TTS tones), 8 kHz mono 16-bit, not silence.
    const wav = readWav(readFileSync(record));
    expect(wav.sampleRate).toBe(8000);
    expect(readFileSync(record).readUInt16LE(22)).toBe(1); // mono
    expect(wav.samples.length).toBeGreaterThan(8000); // more than a second of call
    expect(rmsDbfs(wav.samples)).toBeGreaterThan(-40);

    // Billed like any test call, against test credits.
    const callId = caller.call!.call_id;
    const c = await eventually(async () => {
      const got = expectOk(await api.get(`/v1/calls/${callId}`)).data;
      return got.status === 'completed' ? got : null;
    });
    expect(c).toMatchObject({ livemode: false, direction: 'inbound', billed_minutes: 1, cost_cents: 3, end_reason: 'caller_hangup' });
  }, 90_000);

  it('a relay number refuses --audio before the upgrade, and the text softphone points a stream number to --audio', async () => {
    const relay = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const stream = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream' }), 201).data;
    const callsBefore = expectOk(await api.get('/v1/calls')).data.length;

    const wav = readFileSync(join(AUDIO_DIR, 'hello.wav'));
    await expect(runMediaCall({ baseUrl: base, key, number: relay.phone_number, wav, out: () => {} })).rejects.toThrow(
      /refused the softphone \(409\): .*"code":"conflict".*Call it without --audio/,
    );
    await expect(runMediaCall({ baseUrl: base, key, number: '+15005550000', wav, out: () => {} })).rejects.toThrow(/\(404\)/);

    const phone = await SoftphoneClient.connect(base, key);
    phone.dial(stream.phone_number);
    await phone.closed;
    expect(phone.failures[0]).toMatchObject({ code: 'stream_number' });
    expect(phone.failures[0]!.message).toContain(`agentline call ${stream.phone_number} --audio in.wav`);
    // Nothing was dialled: no call records.
    expect(expectOk(await api.get('/v1/calls')).data.length).toBe(callsBefore);
  });
});
