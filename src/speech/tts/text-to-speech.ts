import type OpenAI from 'openai';
import { SpeechError, toSpeechError } from '../speech-error.js';

// Text to speech behind one method that streams: audio is yielded as the service sends it, so
// the first frames reach the phone while the rest is still being synthesized. Output is raw
// PCM16 little-endian mono at TTS_SAMPLE_RATE (OpenAI's `pcm` format), in even-length chunks.

export const TTS_SAMPLE_RATE = 24_000;

export interface SpeakOptions {
  voice: string;
  /** Aborts the request and ends the stream with SpeechError('aborted') (barge-in). */
  signal?: AbortSignal;
  speed?: number;
  instructions?: string;
}

export interface TextToSpeech {
  readonly sampleRate: number;
  stream(text: string, options: SpeakOptions): AsyncIterable<Buffer>;
}

export interface OpenAITextToSpeechOptions {
  client: OpenAI;
  /** e.g. gpt-4o-mini-tts, tts-1 */
  model: string;
  /** From the request to the first audio byte. */
  firstByteTimeoutMs: number;
  /** Longest wait for the next chunk once audio flows (a stalled stream is a failure). */
  idleTimeoutMs?: number;
}

/** `POST {base}/audio/speech` with `response_format: "pcm"`, body read as it streams. */
export class OpenAITextToSpeech implements TextToSpeech {
  readonly sampleRate = TTS_SAMPLE_RATE;

  constructor(private readonly opts: OpenAITextToSpeechOptions) {}

  async *stream(text: string, options: SpeakOptions): AsyncGenerator<Buffer> {
    const { signal } = options;
    if (signal?.aborted) throw new SpeechError('aborted', 'speech aborted');
    if (text.trim() === '') return;
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // The clock runs only while we wait for the server, not while the consumer holds a chunk.
    const arm = (ms: number) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
    };
    const disarm = () => clearTimeout(timer);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    arm(this.opts.firstByteTimeoutMs);
    try {
      const response = await this.opts.client.audio.speech.create(
        {
          model: this.opts.model,
          input: text,
          voice: options.voice,
          response_format: 'pcm',
          ...(options.speed !== undefined ? { speed: options.speed } : {}),
          ...(options.instructions ? { instructions: options.instructions } : {}),
        },
        { signal: controller.signal, timeout: this.opts.firstByteTimeoutMs, maxRetries: 0 },
      );
      if (!response.body) throw new SpeechError('malformed', 'speech response has no body');
      let carry: Buffer | undefined; // half a sample split across chunks
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        disarm();
        let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (carry) bytes = Buffer.concat([carry, bytes]);
        const even = bytes.length - (bytes.length % 2);
        carry = even < bytes.length ? Buffer.from(bytes.subarray(even)) : undefined;
        if (even > 0) yield Buffer.from(bytes.subarray(0, even));
        if (signal?.aborted) throw new SpeechError('aborted', 'speech aborted');
        arm(this.opts.idleTimeoutMs ?? this.opts.firstByteTimeoutMs);
      }
      // The SDK's body can end quietly when aborted: an abort is never a complete clause.
      if (controller.signal.aborted) throw new SpeechError(timedOut ? 'timeout' : 'aborted', `speech ${timedOut ? 'timed out' : 'aborted'}`);
    } catch (err) {
      throw toSpeechError(err, 'speech', { timedOut, signal });
    } finally {
      disarm();
      signal?.removeEventListener('abort', onAbort);
      controller.abort(); // a consumer that stopped early must not leave the body downloading
    }
  }
}
