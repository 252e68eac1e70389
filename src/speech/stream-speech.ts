import type { FastifyBaseLogger } from 'fastify';
import OpenAI from 'openai';
import type { Config } from '../config.js';
import { loadShippedPrompts, type PromptName, type ShippedPrompt, shippedAudioFor } from '../media/prompts.js';
import { OpenAISpeechToText, type SpeechToText } from './stt/speech-to-text.js';
import { OpenAITextToSpeech, type TextToSpeech } from './tts/text-to-speech.js';
import { EnergyGatedVad } from './vad/energy-vad.js';
import { SileroVadModel } from './vad/silero-vad.js';
import type { Vad } from './vad/vad.js';

// What every `stream` call shares: one OpenAI-compatible client for the speech endpoints (its
// connections are reused across calls), the STT and TTS behind it, the Silero model (loaded once,
// on the first stream call, so relay-only gateways never load it) and the pre-rendered prompts.

export interface StreamPrompts {
  /** After an STT or TTS failure: the shipped audio of the configured fallback line. */
  fallback: Buffer;
  /** The shipped audio of exactly this line (goodbyes), if one says it. */
  forLine(text: string): Buffer | undefined;
}

export interface StreamSpeech {
  stt: SpeechToText;
  tts: TextToSpeech;
  /** The voice of numbers without a voice_id. */
  defaultVoice: string;
  /** A VAD stream of its own for one call. */
  vadForCall(): Promise<Vad>;
  prompts(): Promise<StreamPrompts>;
}

export function streamSpeechFrom(config: Config, log: FastifyBaseLogger): StreamSpeech {
  const s = config.speech;
  // A local server may need no key, but the SDK insists on one: it then sends a placeholder.
  const client = new OpenAI({ apiKey: s.apiKey ?? 'unused', ...(s.baseUrl ? { baseURL: s.baseUrl } : {}), maxRetries: 0 });
  let model: Promise<SileroVadModel> | undefined;
  let prompts: Promise<StreamPrompts> | undefined;
  return {
    stt: new OpenAISpeechToText({ client, model: s.sttModel, timeoutMs: s.sttTimeoutMs }),
    tts: new OpenAITextToSpeech({ client, model: s.ttsModel, firstByteTimeoutMs: s.ttsTimeoutMs, idleTimeoutMs: s.ttsTimeoutMs }),
    defaultVoice: s.ttsVoice,
    async vadForCall() {
      model ??= SileroVadModel.load({ sampleRate: 8000 }).catch((err: unknown) => {
        model = undefined; // try again on the next call
        throw err;
      });
      return new EnergyGatedVad((await model).createStream());
    },
    prompts() {
      prompts ??= loadShippedPrompts().then((shipped: Map<PromptName, ShippedPrompt>) => {
        // An operator's own fallback line has no shipped audio: the shipped line still beats silence.
        const fallback = shippedAudioFor(shipped, config.voice.fallbackLine) ?? shipped.get('fallback')!.mulaw;
        if (!shippedAudioFor(shipped, config.voice.fallbackLine)) log.warn('AGENTLINE_FALLBACK_LINE has no pre-rendered audio; stream calls play the shipped fallback line');
        return { fallback, forLine: (text: string) => shippedAudioFor(shipped, text) };
      });
      return prompts;
    },
  };
}
