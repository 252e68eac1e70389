import { decodeMulaw } from '../../media/mulaw.js';
import { Resampler } from '../../media/resampler.js';
import type { Vad, VadWindow } from './vad.js';

// Turns a stream of caller audio (20 ms μ-law frames from Twilio, or PCM16) into judged VAD
// windows (32 ms for Silero), in order and in the stream's own audio time, so everything
// downstream (endpointing, barge-in) counts audio, not wall-clock time.
//
// Decisions use hysteresis, as upstream Silero does: a window starts speech at `threshold`,
// and speech continues until the probability falls below `negThreshold` (threshold - 0.15),
// so a word's quieter tail does not flicker in and out.

export interface VoiceActivityOptions {
  /** Rate of the audio handed to push(); resampled to the VAD's rate if it differs. Default 8000. */
  inputRate?: number;
  threshold?: number;
  negThreshold?: number;
}

export class VoiceActivity {
  readonly windowMs: number;
  private readonly inputRate: number;
  private readonly threshold: number;
  private readonly negThreshold: number;
  private readonly resampler: Resampler | undefined;
  private pending = new Int16Array(0);
  private judgedSamples = 0;
  private speaking = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly vad: Vad,
    options: VoiceActivityOptions = {},
  ) {
    this.inputRate = options.inputRate ?? 8000;
    this.threshold = options.threshold ?? 0.5;
    this.negThreshold = options.negThreshold ?? Math.max(0.01, this.threshold - 0.15);
    this.windowMs = (vad.windowSamples * 1000) / vad.sampleRate;
    this.resampler = this.inputRate === vad.sampleRate ? undefined : new Resampler(this.inputRate, vad.sampleRate);
  }

  /** Audio (ms) pushed but not yet judged: less than one window. */
  get pendingMs(): number {
    return (this.pending.length * 1000) / this.vad.sampleRate;
  }

  /** One Twilio media payload (μ-law 8 kHz). */
  pushMulaw(frame: Uint8Array): Promise<VadWindow[]> {
    return this.push(decodeMulaw(frame));
  }

  /**
   * Feeds audio at `inputRate`; resolves with the windows it completed. Calls may overlap:
   * they are judged strictly in the order they were made.
   */
  push(samples: Int16Array): Promise<VadWindow[]> {
    const atRate = this.resampler ? this.resampler.push(samples) : samples;
    const joined = new Int16Array(this.pending.length + atRate.length);
    joined.set(this.pending);
    joined.set(atRate, this.pending.length);
    const size = this.vad.windowSamples;
    const whole = joined.length - (joined.length % size);
    this.pending = joined.slice(whole);
    const windows: Int16Array[] = [];
    for (let at = 0; at < whole; at += size) windows.push(joined.subarray(at, at + size));
    const result = this.tail.then(() => this.judge(windows));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Forgets buffered audio and the speech state (the stream's clock keeps running). */
  reset(): void {
    this.pending = new Int16Array(0);
    this.speaking = false;
    this.vad.reset();
  }

  private async judge(windows: Int16Array[]): Promise<VadWindow[]> {
    const out: VadWindow[] = [];
    const rate = this.vad.sampleRate;
    for (const window of windows) {
      const probability = await this.vad.speechProbability(window);
      this.speaking = this.speaking ? probability >= this.negThreshold : probability >= this.threshold;
      const startMs = (this.judgedSamples * 1000) / rate;
      this.judgedSamples += window.length;
      out.push({ startMs, endMs: (this.judgedSamples * 1000) / rate, probability, speech: this.speaking });
    }
    return out;
  }
}
