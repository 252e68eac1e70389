import { clampToInt16 } from './pcm16.js';

// Rational-ratio resampling with a polyphase windowed-sinc FIR (Kaiser window), streaming:
// 24 kHz TTS audio → 8 kHz for the phone (3:1), 8 kHz caller audio → 16 kHz for STT/VAD (1:2),
// and any other pair of integer rates (WAV files the CLI plays). The low-pass sits below the
// lower Nyquist frequency, so content the target rate cannot carry is filtered out instead of
// folding back as aliasing, which is what dropping or repeating samples would do.
//
// Conceptually: insert L-1 zeros between input samples, low-pass at the upsampled rate, keep
// every M-th sample. Only the taps that meet non-zero samples are computed: output n sits at
// upsampled position m = n·M + delay, uses phase p = m mod L and input i = ⌊m / L⌋:
//   y[n] = Σ_k h[p + k·L] · x[i − k]
// The filter's delay is compensated, so output sample n lines up with input time n·M/L and
// chunked input gives exactly the same output as one call with everything.

export interface ResamplerOptions {
  /** Zero crossings of the sinc on each side, counted at the lower rate: longer = sharper. */
  zeroCrossings?: number;
  /** Cut-off as a fraction of the lower Nyquist frequency (leaves room for the transition band). */
  rolloff?: number;
  /** Kaiser window β: higher = more stop-band attenuation, wider transition. */
  kaiserBeta?: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) * (x / (2 * k));
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

export class Resampler {
  readonly up: number;
  readonly down: number;
  /** Taps per polyphase branch = input samples each output sample reads. */
  readonly tapsPerPhase: number;
  private readonly phases: Float32Array[];
  private readonly delay: number;
  // Input history: history[j] is absolute input sample `historyStart + j`.
  private history = new Float32Array(0);
  private historyStart = 0;
  private received = 0;
  private emitted = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
    options: ResamplerOptions = {},
  ) {
    if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
      throw new RangeError(`sample rates must be positive integers, got ${fromRate} → ${toRate}`);
    }
    const { zeroCrossings = 16, rolloff = 0.92, kaiserBeta = 8.6 } = options;
    const divisor = gcd(fromRate, toRate);
    this.up = toRate / divisor;
    this.down = fromRate / divisor;
    if (this.up > 640 || this.down > 640) {
      throw new RangeError(`unsupported rate ratio ${fromRate}:${toRate} (reduce to a ratio of at most 640)`);
    }
    const L = this.up;
    const stretch = Math.max(L, this.down); // upsampled samples per zero crossing, before rolloff
    const cutoff = (0.5 * rolloff) / stretch; // cycles per upsampled sample
    const half = Math.ceil((zeroCrossings * stretch) / rolloff);
    this.tapsPerPhase = Math.ceil((2 * half + 1) / L);
    const length = this.tapsPerPhase * L;
    this.delay = half;
    const prototype = new Float64Array(length);
    const i0Beta = besselI0(kaiserBeta);
    let sum = 0;
    for (let j = 0; j < length; j++) {
      const t = j - half;
      const ratio = t / (half + 1);
      const window = Math.abs(ratio) >= 1 ? 0 : besselI0(kaiserBeta * Math.sqrt(1 - ratio * ratio)) / i0Beta;
      const x = 2 * cutoff * t;
      const sinc = t === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      prototype[j] = 2 * cutoff * sinc * window;
      sum += prototype[j]!;
    }
    // Unity DC gain per branch: zero-stuffing divided the energy by L.
    const gain = L / sum;
    this.phases = Array.from({ length: L }, (_, p) => {
      const taps = new Float32Array(this.tapsPerPhase);
      for (let k = 0; k < this.tapsPerPhase; k++) taps[k] = prototype[p + k * L]! * gain;
      return taps;
    });
  }

  /** Feeds input samples; returns every output sample that is now complete. */
  push(samples: Int16Array): Int16Array {
    this.append(samples);
    this.received += samples.length;
    return this.drain(this.received);
  }

  /** Ends the stream: returns the remaining output, as if silence followed the last sample. */
  flush(): Int16Array {
    const total = this.received;
    const outputs = Math.ceil((total * this.up) / this.down);
    const needed = Math.max(0, Math.floor(((outputs - 1) * this.down + this.delay) / this.up) + 1 - total);
    this.append(new Int16Array(needed));
    const out = this.drain(total + needed, outputs);
    this.reset();
    return out;
  }

  /** Forgets all input, e.g. when playback is cleared and the next audio is unrelated. */
  reset(): void {
    this.history = new Float32Array(0);
    this.historyStart = 0;
    this.received = 0;
    this.emitted = 0;
  }

  /** One call for a whole clip. */
  static convert(samples: Int16Array, fromRate: number, toRate: number, options?: ResamplerOptions): Int16Array {
    if (fromRate === toRate) return samples.slice();
    const resampler = new Resampler(fromRate, toRate, options);
    const head = resampler.push(samples);
    const tail = resampler.flush();
    const out = new Int16Array(head.length + tail.length);
    out.set(head);
    out.set(tail, head.length);
    return out;
  }

  private append(samples: Int16Array): void {
    const next = new Float32Array(this.history.length + samples.length);
    next.set(this.history);
    for (let i = 0; i < samples.length; i++) next[this.history.length + i] = samples[i]!;
    this.history = next;
  }

  /** Emits outputs whose newest input index is below `available` (and below `limit`). */
  private drain(available: number, limit = Infinity): Int16Array {
    const { up: L, down: M, delay, tapsPerPhase: T } = this;
    // Output n needs input ⌊(n·M + delay) / L⌋ < available, i.e. n < (available·L − delay) / M.
    const end = Math.min(limit, Math.max(this.emitted, Math.ceil((available * L - delay) / M)));
    const out = new Int16Array(end - this.emitted);
    const history = this.history;
    for (let o = 0; o < out.length; o++) {
      const m = (this.emitted + o) * M + delay;
      const i = Math.floor(m / L);
      const taps = this.phases[m - i * L]!;
      const base = i - this.historyStart; // x[i] in history; x[i − k] is history[base − k]
      const count = Math.min(T, base + 1); // samples before the stream's start are zero
      let acc = 0;
      for (let k = 0; k < count; k++) acc += taps[k]! * history[base - k]!;
      out[o] = clampToInt16(acc);
    }
    this.emitted = end;
    // Keep only the inputs the next output can still reach.
    const nextI = Math.floor((this.emitted * M + delay) / L);
    const historyEnd = this.historyStart + this.history.length;
    const keepFrom = Math.min(historyEnd, Math.max(this.historyStart, nextI - T + 1));
    if (keepFrom > this.historyStart) {
      this.history = this.history.slice(keepFrom - this.historyStart);
      this.historyStart = keepFrom;
    }
    return out;
  }
}
