import { decodeMulaw, mulawToLinear } from '../../media/mulaw.js';
import { Resampler } from '../../media/resampler.js';
import type { Vad, VadWindow } from './vad.js';

// Turns a stream of caller audio (20 ms μ-law frames from Twilio, or PCM16) into judged VAD
// windows (32 ms for Silero), in order and in the stream's own audio time, so everything
// downstream (endpointing, barge-in) counts audio, not wall-clock time.
//
// Decisions use hysteresis, as upstream Silero does: a window starts speech at `threshold`,
// and speech continues until the probability falls below `negThreshold` (threshold - 0.15),
// so a word's quieter tail does not flicker in and out.

const EMPTY: VadWindow[] = Object.freeze([]) as unknown as VadWindow[];
/** What push answers for a frame that completed no window while nothing was being judged. */
export const NO_WINDOWS: Promise<VadWindow[]> = Promise.resolve(EMPTY);

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
  /** The window being filled, and how many samples it has. */
  private window: Int16Array;
  private filled = 0;
  /** Windows handed to the VAD and not yet judged. */
  private judging = 0;
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
    this.window = new Int16Array(vad.windowSamples);
  }

  /** Audio (ms) pushed but not yet judged: less than one window. */
  get pendingMs(): number {
    return (this.filled * 1000) / this.vad.sampleRate;
  }

  /** One Twilio media payload (μ-law 8 kHz). */
  pushMulaw(frame: Uint8Array): Promise<VadWindow[]> {
    // At the VAD's own rate the bytes are decoded straight into the window being filled.
    if (this.resampler) return this.push(decodeMulaw(frame));
    let windows: Int16Array[] | null = null;
    for (let i = 0; i < frame.length; i++) {
      this.window[this.filled++] = mulawToLinear(frame[i]!);
      if (this.filled === this.window.length) windows = this.windowFilled(windows);
    }
    return this.judgeAll(windows);
  }

  /**
   * Feeds audio at `inputRate`; resolves with the windows it completed. Calls may overlap:
   * they are judged strictly in the order they were made.
   */
  push(samples: Int16Array): Promise<VadWindow[]> {
    const atRate = this.resampler ? this.resampler.push(samples) : samples;
    let windows: Int16Array[] | null = null;
    for (let i = 0; i < atRate.length; i++) {
      this.window[this.filled++] = atRate[i]!;
      if (this.filled === this.window.length) windows = this.windowFilled(windows);
    }
    return this.judgeAll(windows);
  }

  /** The window being filled is full: it joins `windows` and a fresh one is started. */
  private windowFilled(windows: Int16Array[] | null): Int16Array[] {
    const out = windows ?? [];
    out.push(this.window);
    this.window = new Int16Array(this.vad.windowSamples);
    this.filled = 0;
    return out;
  }

  /**
   * Judges the windows a push completed, after every earlier one. A frame that completes none
   * (most 20 ms frames: a window is 32 ms) allocates nothing and, with nothing still being
   * judged, answers the shared empty result.
   */
  private judgeAll(windows: Int16Array[] | null): Promise<VadWindow[]> {
    if (!windows) return this.judging === 0 ? NO_WINDOWS : this.tail.then(() => EMPTY);
    this.judging++;
    const result = this.tail.then(() => this.judge(windows)).finally(() => this.judging--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Forgets buffered audio and the speech state (the stream's clock keeps running). */
  reset(): void {
    this.filled = 0;
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
