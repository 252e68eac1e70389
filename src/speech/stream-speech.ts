import type { FastifyBaseLogger } from 'fastify';
import OpenAI from 'openai';
import type { Config } from '../config.js';
import { loadShippedPrompts } from '../media/prompts.js';
import { PromptBook, type StreamPrompts } from './rendered-prompts.js';
import { OpenAISpeechToText, type SpeechToText } from './stt/speech-to-text.js';
import { OpenAITextToSpeech, type TextToSpeech } from './tts/text-to-speech.js';
import { EnergyGatedVad } from './vad/energy-vad.js';
import { SileroVadModel } from './vad/silero-vad.js';
import type { Vad } from './vad/vad.js';

// What every `stream` call shares: one OpenAI-compatible client for the speech endpoints (its
// connections are reused across calls), the STT and TTS behind it, the Silero model (loaded once,
// on the first stream call, so relay-only gateways never load it) and the pre-rendered prompts.

export type { StreamPrompts } from './rendered-prompts.js';

export interface StreamSpeech {
  stt: SpeechToText;
  tts: TextToSpeech;
  /** The voice of numbers without a voice_id. */
  defaultVoice: string;
  /** A VAD stream of its own for one call. */
  vadForCall(): Promise<Vad>;
  /**
   * The prompts of the configured lines (live: a line changed by the operator switches from the
   * shipped audio to its rendering once that is ready). Starts the rendering if it has not run.
   */
  prompts(): Promise<StreamPrompts>;
  /**
   * At start-up: renders the changed lines in the background when speech is configured or
   * `hasStreamNumbers` says this gateway has stream numbers. Never blocks, never throws.
   */
  warmUp(hasStreamNumbers: () => Promise<boolean>): void;
  /** Aborts a rendering in flight (the gateway is stopping). */
  close(): void;
}

export function streamSpeechFrom(config: Config, log: FastifyBaseLogger): StreamSpeech {
  const s = config.speech;
  // A local server may need no key, but the SDK insists on one: it then sends a placeholder.
  const client = new OpenAI({ apiKey: s.apiKey ?? 'unused', ...(s.baseUrl ? { baseURL: s.baseUrl } : {}), maxRetries: 0 });
  let model: Promise<SileroVadModel> | undefined;
  let book: Promise<PromptBook> | undefined;
  let closed = false;
  const tts = new OpenAITextToSpeech({ client, model: s.ttsModel, firstByteTimeoutMs: s.ttsTimeoutMs, idleTimeoutMs: s.ttsTimeoutMs });
  const speech: StreamSpeech = {
    stt: new OpenAISpeechToText({ client, model: s.sttModel, timeoutMs: s.sttTimeoutMs }),
    tts,
    defaultVoice: s.ttsVoice,
    async vadForCall() {
      model ??= SileroVadModel.load({ sampleRate: 8000 }).catch((err: unknown) => {
        model = undefined; // try again on the next call
        throw err;
      });
      return new EnergyGatedVad((await model).createStream());
    },
    prompts() {
      book ??= loadShippedPrompts().then(
        (shipped) =>
          new PromptBook({
            shipped,
            lines: { fallback: config.voice.fallbackLine, failure_goodbye: config.voice.failureGoodbye, credits_goodbye: config.voice.creditsGoodbye },
            tts,
            model: s.ttsModel,
            voice: s.ttsVoice,
            cacheDir: s.promptCacheDir,
            log,
          }),
        (err: unknown) => {
          book = undefined; // the next stream call tries again
          throw err;
        },
      );
      return book.then((b) => {
        if (!closed) void b.render();
        return b;
      });
    },
    warmUp(hasStreamNumbers) {
      void (async () => {
        // Unconfigured speech would send the lines to api.openai.com with no key: only when used.
        const configured = s.baseUrl !== undefined || s.apiKey !== undefined;
        if (!configured && !(await hasStreamNumbers())) return;
        await speech.prompts();
      })().catch((err: unknown) => log.warn({ err }, 'stream prompts: could not prepare the prompts at start-up; stream calls play the shipped audio'));
    },
    close() {
      closed = true;
      void book?.then((b) => b.close(), () => undefined);
    },
  };
  return speech;
}
