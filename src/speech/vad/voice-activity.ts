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
//
// Two ways in, one per stream: `push`/`pushMulaw` answer each call with a promise (tests, tools);
// `feedMulaw` hands the judged windows to a callback, synchronously whenever the VAD can answer
// at once (the energy gate's silence) and nothing earlier is still being judged: a silent call's
// frames then cost no promise, no closure and no window allocation.

const EMPTY: VadWindow[] = Object.freeze([]) as unknown as VadWindow[];
/** What push answers for a frame that completed no window while nothing was being judged. */
export const NO_WINDOWS: Promise<VadWindow[]> = Promise.resolve(EMPTY);

/** Where feedMulaw hands judged windows (in stream order) and failures; bound once per stream. */
export interface WindowSink {
  windows(windows: VadWindow[]): void;
  /** The VAD (or `windows`) threw on a window; the stream carries on. */
  failed(error: unknown): void;
}

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
  /** Windows handed to the VAD and not yet judged (and, for feedMulaw, not yet delivered). */
  private judging = 0;
  private judgedSamples = 0;
  private speaking = false;
  private tail: Promise<unknown> = Promise.resolve();
  /** While one push runs: may windows be judged at once, and what it completed (judged / to judge). */
  private allowNow = false;
  private judgedNow: VadWindow[] | null = null;
  private toJudge: Int16Array[] | null = null;

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
    this.fillMulaw(frame, false);
    return this.judgeAll(this.takeToJudge());
  }

  /**
   * Feeds audio at `inputRate`; resolves with the windows it completed. Calls may overlap:
   * they are judged strictly in the order they were made.
   */
  push(samples: Int16Array): Promise<VadWindow[]> {
    this.fill(samples, false);
    return this.judgeAll(this.takeToJudge());
  }

  /**
   * One Twilio media payload (μ-law 8 kHz), its completed windows handed to `sink` in stream
   * order: at once when the VAD answers them at once and nothing earlier is in flight, else once
   * judged. The frame is read before this returns (the caller may reuse it). Not to be mixed
   * with push/pushMulaw on the same stream.
   */
  feedMulaw(frame: Uint8Array, sink: WindowSink): void {
    this.fillMulaw(frame, this.judging === 0 && this.vad.judgeNow !== undefined);
    const now = this.judgedNow;
    const later = this.takeToJudge();
    if (now) {
      this.judgedNow = null;
      deliver(sink, now);
    }
    if (!later) return;
    this.judging++;
    this.tail = this.tail
      .then(() => this.judge(later))
      .then(
        (windows) => {
          this.judging--;
          deliver(sink, windows);
        },
        (err: unknown) => {
          this.judging--;
          fail(sink, err);
        },
      );
  }

  private fillMulaw(frame: Uint8Array, allowNow: boolean): void {
    // At the VAD's own rate the bytes are decoded straight into the window being filled.
    if (this.resampler) return this.fill(decodeMulaw(frame), allowNow);
    this.allowNow = allowNow;
    // Locals in the loop: 160 samples a frame, fields written back once.
    let window = this.window;
    let filled = this.filled;
    const size = window.length;
    for (let i = 0; i < frame.length; i++) {
      window[filled++] = mulawToLinear(frame[i]!);
      if (filled === size) {
        this.windowFilled();
        window = this.window;
        filled = 0;
      }
    }
    this.filled = filled;
  }

  private fill(samples: Int16Array, allowNow: boolean): void {
    this.allowNow = allowNow;
    const atRate = this.resampler ? this.resampler.push(samples) : samples;
    const size = this.window.length;
    for (let i = 0; i < atRate.length; i++) {
      this.window[this.filled++] = atRate[i]!;
      if (this.filled === size) this.windowFilled();
    }
  }

  /**
   * The window being filled is full: judged at once when allowed and the VAD can (the window is
   * then filled again), else queued for judging and a fresh one started. Once one window waits
   * for the VAD, every later one does, so windows are judged in order.
   */
  private windowFilled(): void {
    this.filled = 0;
    if (this.allowNow && this.toJudge === null) {
      const probability = this.vad.judgeNow!(this.window);
      if (probability !== undefined) {
        (this.judgedNow ??= []).push(this.decide(probability, this.window.length));
        return;
      }
    }
    (this.toJudge ??= []).push(this.window);
    this.window = new Int16Array(this.vad.windowSamples);
  }

  private takeToJudge(): Int16Array[] | null {
    const windows = this.toJudge;
    this.toJudge = null;
    return windows;
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

  /** Hysteresis on one window's probability; the window's place in the stream's audio time. */
  private decide(probability: number, samples: number): VadWindow {
    this.speaking = this.speaking ? probability >= this.negThreshold : probability >= this.threshold;
    const rate = this.vad.sampleRate;
    const startMs = (this.judgedSamples * 1000) / rate;
    this.judgedSamples += samples;
    return { startMs, endMs: (this.judgedSamples * 1000) / rate, probability, speech: this.speaking };
  }

  private async judge(windows: Int16Array[]): Promise<VadWindow[]> {
    const out: VadWindow[] = [];
    for (const window of windows) out.push(this.decide(await this.vad.speechProbability(window), window.length));
    return out;
  }
}

/** A sink that throws must not stop the stream (nor escape as an unhandled rejection). */
function deliver(sink: WindowSink, windows: VadWindow[]): void {
  try {
    sink.windows(windows);
  } catch (err) {
    fail(sink, err);
  }
}

function fail(sink: WindowSink, err: unknown): void {
  try {
    sink.failed(err);
  } catch {
    // nowhere left to report it
  }
}
