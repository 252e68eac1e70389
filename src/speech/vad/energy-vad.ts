import { rmsDbfs } from '../../media/pcm16.js';
import type { Vad, VadFactory } from './vad.js';

// The cheap check in front of the model, and an energy-only detector for tests and for a
// deployment without the model. Levels are RMS dBFS over one window.

export interface EnergyGateOptions {
  /** Windows quieter than this never reach the model. Default -50 dBFS: below quiet speech, above a muted line. */
  gateDbfs?: number;
  /** After this much gated audio the model's state is reset, so old speech cannot colour new speech. */
  resetAfterMs?: number;
}

/** Runs the inner VAD only on windows loud enough to be speech; silence costs one RMS. */
export class EnergyGatedVad implements Vad {
  readonly sampleRate: number;
  readonly windowSamples: number;
  /** Windows that ran the model / were answered by the gate alone (for the benchmark and tests). */
  modelWindows = 0;
  gatedWindows = 0;
  private readonly gateDbfs: number;
  private readonly resetAfterWindows: number;
  private quietRun = 0;

  constructor(
    private readonly inner: Vad,
    options: EnergyGateOptions = {},
  ) {
    this.sampleRate = inner.sampleRate;
    this.windowSamples = inner.windowSamples;
    this.gateDbfs = options.gateDbfs ?? -50;
    const windowMs = (inner.windowSamples * 1000) / inner.sampleRate;
    this.resetAfterWindows = Math.max(1, Math.round((options.resetAfterMs ?? 300) / windowMs));
  }

  speechProbability(window: Int16Array): Promise<number> {
    if (this.judgeNow(window) === 0) return Promise.resolve(0);
    this.quietRun = 0;
    this.modelWindows++;
    return this.inner.speechProbability(window);
  }

  /** 0 for a window the gate answers (silence); undefined for one only the model can judge. */
  judgeNow(window: Int16Array): number | undefined {
    if (rmsDbfs(window) >= this.gateDbfs) return undefined;
    this.gatedWindows++;
    if (++this.quietRun === this.resetAfterWindows) this.inner.reset();
    return 0;
  }

  reset(): void {
    this.quietRun = 0;
    this.inner.reset();
  }
}

export interface EnergyVadOptions {
  sampleRate?: number;
  windowSamples?: number;
  /** At or below: probability 0. */
  silenceDbfs?: number;
  /** At or above: probability 1 (linear in between). */
  speechDbfs?: number;
}

/** Loudness as "speech": no model, no state. Good for tests and as a fallback, not for noisy lines. */
export class EnergyVad implements Vad {
  readonly sampleRate: number;
  readonly windowSamples: number;
  private readonly silenceDbfs: number;
  private readonly speechDbfs: number;

  constructor(options: EnergyVadOptions = {}) {
    this.sampleRate = options.sampleRate ?? 8000;
    this.windowSamples = options.windowSamples ?? Math.round((this.sampleRate * 32) / 1000);
    this.silenceDbfs = options.silenceDbfs ?? -45;
    this.speechDbfs = options.speechDbfs ?? -35;
  }

  speechProbability(window: Int16Array): Promise<number> {
    return Promise.resolve(this.judgeNow(window));
  }

  /** Always known at once: the level is all it looks at. */
  judgeNow(window: Int16Array): number {
    const level = rmsDbfs(window);
    const p = (level - this.silenceDbfs) / (this.speechDbfs - this.silenceDbfs);
    return Math.min(1, Math.max(0, p));
  }

  reset(): void {}
}

export const energyVadFactory = (options?: EnergyVadOptions): VadFactory => ({
  createStream: () => new EnergyVad(options),
});
