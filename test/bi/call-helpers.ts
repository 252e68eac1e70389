import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaCaller } from '../../src/softphone/media-caller.js';
import { runMediaCall } from '../../src/softphone/media-call-cli.js';
import type { FakeSpeechServer } from '../fakes/fake-speech.js';
import type { FakeServer } from '../fakes/fake-sse-agent.js';
import { AUDIO_DIR } from '../helpers/audio-fixtures.js';
import { type Api, expectOk } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// A real test-mode call on a `stream` number: `agentline call --audio`'s media caller speaks a
// WAV, the gateway's speech pipeline (fake STT/TTS) and a fake SSE agent answer, then the
// caller hangs up. The call's turns carry real pipeline timings (first_audio_ms ...).

export async function talk(o: { api: Api; base: string; key: string; speech: FakeSpeechServer; agent: FakeServer; phone: string; from?: string }): Promise<string> {
  o.speech.scriptStt({ text: 'I need an appointment.' });
  o.agent.script(sseReply('Sure, ', 'Tuesday at ten works.'));
  let printed = '';
  let caller!: MediaCaller;
  const run = runMediaCall({
    baseUrl: o.base,
    key: o.key,
    number: o.phone,
    from: o.from,
    wav: readFileSync(join(AUDIO_DIR, 'espeak-hello-22k.wav')),
    out: (s) => (printed += s),
    onCaller: (c) => (caller = c),
  });
  await eventually(async () => printed.includes('agent: Sure, Tuesday at ten works.'), 30_000);
  await eventually(async () => caller.quiet, 15_000);
  await caller.hangup();
  await run;
  const callId = caller.call!.call_id;
  await eventually(async () => expectOk(await o.api.get(`/v1/calls/${callId}`)).data.status === 'completed', 10_000);
  return callId;
}
