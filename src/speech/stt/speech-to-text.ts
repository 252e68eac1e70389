import type OpenAI from 'openai';
import { toFile } from 'openai';
import { SpeechError, toSpeechError } from '../speech-error.js';

// Speech to text behind one method, so the media-stream leg can use OpenAI, a self-hosted
// OpenAI-compatible server or a test double alike. One request per caller utterance.

export interface TranscribeOptions {
  /** The number's language, e.g. "en-US"; sent as its ISO-639-1 part ("en"). */
  language?: string;
  /** Words the model should expect (names, products). */
  prompt?: string;
  signal?: AbortSignal;
}

export interface SpeechToText {
  /** The utterance's text, trimmed; "" when nothing was said (no turn). */
  transcribe(wav: Buffer, options?: TranscribeOptions): Promise<string>;
}

export interface OpenAISpeechToTextOptions {
  client: OpenAI;
  /** e.g. gpt-4o-mini-transcribe, whisper-1 */
  model: string;
  /** The whole request, upload to answer. */
  timeoutMs: number;
}

/** `POST {base}/audio/transcriptions` through the openai SDK (multipart, `file` = WAV). */
export class OpenAISpeechToText implements SpeechToText {
  constructor(private readonly opts: OpenAISpeechToTextOptions) {}

  async transcribe(wav: Buffer, options: TranscribeOptions = {}): Promise<string> {
    const { signal } = options;
    if (signal?.aborted) throw new SpeechError('aborted', 'transcription aborted');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.opts.timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const language = isoLanguage(options.language);
      const result = await this.opts.client.audio.transcriptions.create(
        {
          file: await toFile(wav, 'utterance.wav', { type: 'audio/wav' }),
          model: this.opts.model,
          response_format: 'json',
          ...(language ? { language } : {}),
          ...(options.prompt ? { prompt: options.prompt } : {}),
        },
        { signal: controller.signal, timeout: this.opts.timeoutMs, maxRetries: 0 },
      );
      if (typeof result?.text !== 'string') throw new SpeechError('malformed', 'transcription response has no text');
      return result.text.trim();
    } catch (err) {
      throw toSpeechError(err, 'transcription', { timedOut, signal });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** "en-US" → "en": transcription APIs take ISO-639-1, numbers store a BCP-47 tag. */
export function isoLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
