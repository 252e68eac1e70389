import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { decodeMulaw } from '../../src/media/mulaw.js';
import { loadShippedPrompts, shippedAudioFor, type PromptName, type ShippedPrompt } from '../../src/media/prompts.js';
import { SileroVadModel } from '../../src/speech/vad/silero-vad.js';
import { VoiceActivity } from '../../src/speech/vad/voice-activity.js';
import { frames } from '../helpers/audio-fixtures.js';

describe('pre-rendered prompts in media/', () => {
  let prompts: Map<PromptName, ShippedPrompt>;
  let model: SileroVadModel;
  beforeAll(async () => {
    prompts = await loadShippedPrompts();
    model = await SileroVadModel.load();
  });
  afterAll(() => model.close());

  it('ship the four lines, in whole 20 ms frames', () => {
    expect([...prompts.keys()].sort()).toEqual(['credits_goodbye', 'failure_goodbye', 'fallback', 'low_balance']);
    for (const prompt of prompts.values()) expect(prompt.mulaw.length % 160, prompt.name).toBe(0);
  });

  it('are the default lines the gateway speaks, so a default deployment needs no TTS for them', () => {
    const voice = loadConfig({}).voice;
    expect(shippedAudioFor(prompts, voice.fallbackLine)).toBe(prompts.get('fallback')!.mulaw);
    expect(shippedAudioFor(prompts, voice.failureGoodbye)).toBe(prompts.get('failure_goodbye')!.mulaw);
    expect(shippedAudioFor(prompts, voice.creditsGoodbye)).toBe(prompts.get('credits_goodbye')!.mulaw);
    expect(shippedAudioFor(prompts, 'A line the operator changed.')).toBeUndefined();
  });

  it('contain speech (judged by the VAD), not silence', async () => {
    for (const prompt of prompts.values()) {
      const activity = new VoiceActivity(model.createStream());
      let speechWindows = 0;
      for (const frame of frames(prompt.mulaw)) speechWindows += (await activity.pushMulaw(frame)).filter((w) => w.speech).length;
      expect(speechWindows * 32, prompt.name).toBeGreaterThan(1000);
      expect(decodeMulaw(prompt.mulaw).length / 8, prompt.name).toBeLessThan(8000); // ms: short lines
    }
  });
});
