import type { VadWindow } from './vad.js';

// When has the caller finished a turn? Speech starts after `startWindows` consecutive speech
// windows (one stray window is noise, not a word); the turn ends once `endpointingMs` of
// non-speech audio has followed the last speech window. All times are the stream's audio time.

export type EndpointEvent =
  | { type: 'speech_started'; atMs: number }
  | { type: 'turn_ended'; speechStartMs: number; speechEndMs: number; atMs: number };

export interface Endpointer {
  /** True between `speech_started` and `turn_ended`. */
  readonly inSpeech: boolean;
  push(window: VadWindow): EndpointEvent[];
  reset(): void;
}

const NONE: EndpointEvent[] = Object.freeze([]) as unknown as EndpointEvent[];

export const ENDPOINTING_MS = { default: 500, min: 100, max: 3000 } as const;

export interface SilenceEndpointerOptions {
  endpointingMs?: number;
  startWindows?: number;
}

export class SilenceEndpointer implements Endpointer {
  readonly endpointingMs: number;
  private readonly startWindows: number;
  private run: VadWindow[] = [];
  private speechStartMs: number | undefined;
  private lastSpeechEndMs = 0;

  constructor(options: SilenceEndpointerOptions = {}) {
    this.endpointingMs = options.endpointingMs ?? ENDPOINTING_MS.default;
    this.startWindows = options.startWindows ?? 2;
    if (!Number.isFinite(this.endpointingMs) || this.endpointingMs < ENDPOINTING_MS.min || this.endpointingMs > ENDPOINTING_MS.max) {
      throw new RangeError(`endpointing_ms must be ${ENDPOINTING_MS.min}–${ENDPOINTING_MS.max}, got ${this.endpointingMs}`);
    }
    if (!Number.isInteger(this.startWindows) || this.startWindows < 1) throw new RangeError('startWindows must be ≥ 1');
  }

  get inSpeech(): boolean {
    return this.speechStartMs !== undefined;
  }

  push(window: VadWindow): EndpointEvent[] {
    if (this.speechStartMs === undefined) {
      if (!window.speech) {
        if (this.run.length > 0) this.run = [];
        return NONE; // the silent path allocates nothing
      }
      this.run.push(window);
      if (this.run.length < this.startWindows) return [];
      this.speechStartMs = this.run[0]!.startMs;
      this.lastSpeechEndMs = window.endMs;
      this.run = [];
      return [{ type: 'speech_started', atMs: this.speechStartMs }];
    }
    if (window.speech) {
      this.lastSpeechEndMs = window.endMs;
      return NONE;
    }
    if (window.endMs - this.lastSpeechEndMs < this.endpointingMs) return NONE;
    const event: EndpointEvent = {
      type: 'turn_ended',
      speechStartMs: this.speechStartMs,
      speechEndMs: this.lastSpeechEndMs,
      atMs: window.endMs,
    };
    this.speechStartMs = undefined;
    return [event];
  }

  reset(): void {
    this.run = [];
    this.speechStartMs = undefined;
  }
}
