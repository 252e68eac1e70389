import type { VadWindow } from './vad.js';

// Caller speech while the agent is talking counts as an interruption only once it has lasted
// `bargeInMs`: a cough, a breath or a short "mm" is shorter and must not cut the agent off.
// A speech run survives gaps up to `gapToleranceMs` (the dip between two syllables) and ends
// after a longer one. 0 turns barge-in off.

export const BARGE_IN_MS = { default: 250, min: 0, max: 3000 } as const;

export interface BargeInOptions {
  bargeInMs?: number;
  gapToleranceMs?: number;
}

export class BargeInDetector {
  readonly bargeInMs: number;
  private readonly gapToleranceMs: number;
  private runStartMs: number | undefined;
  private lastSpeechEndMs = 0;
  private fired = false;

  constructor(options: BargeInOptions = {}) {
    this.bargeInMs = options.bargeInMs ?? BARGE_IN_MS.default;
    this.gapToleranceMs = options.gapToleranceMs ?? 100;
    if (!Number.isFinite(this.bargeInMs) || this.bargeInMs < BARGE_IN_MS.min || this.bargeInMs > BARGE_IN_MS.max) {
      throw new RangeError(`barge_in_ms must be ${BARGE_IN_MS.min}–${BARGE_IN_MS.max}, got ${this.bargeInMs}`);
    }
  }

  /** Speech (ms) in the current run so far, gaps included. */
  get runMs(): number {
    return this.runStartMs === undefined ? 0 : this.lastSpeechEndMs - this.runStartMs;
  }

  /** True exactly once per speech run: on the window where it reaches `bargeInMs`. */
  push(window: VadWindow): boolean {
    if (this.bargeInMs === 0) return false;
    if (!window.speech) {
      if (this.runStartMs !== undefined && window.endMs - this.lastSpeechEndMs > this.gapToleranceMs) this.reset();
      return false;
    }
    if (this.runStartMs === undefined) this.runStartMs = window.startMs;
    this.lastSpeechEndMs = window.endMs;
    if (this.fired || this.runMs < this.bargeInMs) return false;
    this.fired = true;
    return true;
  }

  /** Call when agent playback starts or stops: speech before it does not count. */
  reset(): void {
    this.runStartMs = undefined;
    this.fired = false;
  }
}
