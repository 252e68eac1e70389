import { FRAME_MS } from './frame-slicer.js';

// Sends outbound audio frames at the rate the phone plays them, a bounded lead ahead (Twilio
// buffers what we send; a whole sentence dumped at once plays badly and cannot be un-sent).
// Keeping the lead small is what makes barge-in cheap: `clear()` drops everything still queued
// here, and only `leadMs` of audio can be sitting in Twilio's buffer. Marks ride in the queue,
// so each goes out right after the audio before it.
//
// Time is an injected dependency: tests drive `ManualTimers` and count frames, never the wall
// clock. `playedMs` is our estimate from that clock; the truth about what the caller heard is the
// echoed mark, which the media-stream leg reads.

export interface PlayoutSink {
  sendFrame(frame: Buffer): void;
  sendMark?(name: string): void;
  /** Called by `clear()`: tell the carrier to drop its buffered audio (Twilio `clear`). */
  clear?(): void;
}

export interface PacerTimers {
  /** Monotonic milliseconds. */
  now(): number;
  /** Runs `fn` after `delayMs`; returns a cancel function. */
  schedule(fn: () => void, delayMs: number): () => void;
}

export const realTimers: PacerTimers = {
  now: () => performance.now(),
  schedule(fn, delayMs) {
    const timer = setTimeout(fn, delayMs);
    return () => clearTimeout(timer);
  },
};

export interface PacerOptions {
  /** Most audio (ms) handed to the carrier ahead of what it has played. Default 200. */
  leadMs?: number;
  /** Bytes per ms of audio: 8 for μ-law at 8 kHz. */
  bytesPerMs?: number;
  timers?: PacerTimers;
  /** The sink threw (e.g. the socket closed); the pacer has stopped. */
  onError?: (error: unknown) => void;
}

export interface ClearResult {
  /** Audio handed to the sink since the pacer started, in ms. */
  sentMs: number;
  /** Of that, what the clock says has played by now (an estimate, see above). */
  playedMs: number;
  /** Queued audio that was never sent. */
  droppedMs: number;
  /** Marks that were still queued and so were never sent. */
  droppedMarks: string[];
}

type Item = { kind: 'frame'; frame: Buffer; ms: number } | { kind: 'mark'; name: string };

export class PlayoutPacer {
  private readonly leadMs: number;
  private readonly bytesPerMs: number;
  private readonly timers: PacerTimers;
  private queue: Item[] = [];
  private queuedAudioMs = 0;
  /** Clock time at which the audio sent so far finishes playing. */
  private playoutEnd = -Infinity;
  private sent = 0;
  private cancelTimer: (() => void) | undefined;
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly sink: PlayoutSink,
    private readonly options: PacerOptions = {},
  ) {
    this.leadMs = options.leadMs ?? 200;
    this.bytesPerMs = options.bytesPerMs ?? 8;
    this.timers = options.timers ?? realTimers;
    if (!(this.leadMs >= 0)) throw new RangeError(`leadMs must be ≥ 0, got ${this.leadMs}`);
  }

  get sentMs(): number {
    return this.sent;
  }

  get playedMs(): number {
    return this.sent - this.bufferedMs();
  }

  /** Audio queued here, not yet sent. */
  get queuedMs(): number {
    return this.queuedAudioMs;
  }

  enqueue(frames: Buffer | readonly Buffer[]): void {
    if (this.closed) return;
    for (const frame of Buffer.isBuffer(frames) ? [frames] : frames) {
      if (frame.length === 0) continue;
      const ms = frame.length / this.bytesPerMs;
      this.queue.push({ kind: 'frame', frame, ms });
      this.queuedAudioMs += ms;
    }
    this.pump();
  }

  /** Sends `name` as a mark once every frame enqueued before it has been sent. */
  mark(name: string): void {
    if (this.closed) return;
    this.queue.push({ kind: 'mark', name });
    this.pump();
  }

  /** Resolves when everything enqueued so far has been handed to the sink (or dropped). */
  flushed(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the queue, tells the sink to drop its buffer, and reports what got out. */
  clear(): ClearResult {
    const result: ClearResult = {
      sentMs: this.sent,
      playedMs: this.playedMs,
      droppedMs: this.queuedAudioMs,
      droppedMarks: this.queue.flatMap((item) => (item.kind === 'mark' ? [item.name] : [])),
    };
    this.dropQueue();
    // What was sent but not played is gone too, so the next audio starts playing now.
    this.sent = result.playedMs;
    this.playoutEnd = this.timers.now();
    if (!this.closed) this.callSink(() => this.sink.clear?.());
    return result;
  }

  /** Stops for good (the call ended); drops what is queued. */
  close(): void {
    this.closed = true;
    this.dropQueue();
  }

  private bufferedMs(): number {
    return Math.max(0, this.playoutEnd - this.timers.now());
  }

  private dropQueue(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.queue = [];
    this.queuedAudioMs = 0;
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private pump(): void {
    if (this.closed || this.cancelTimer) return; // a pending timer will pump
    const now = this.timers.now();
    // After an underrun the phone played silence; new audio starts playing now, not in the past.
    if (this.playoutEnd < now) this.playoutEnd = now;
    const allowance = Math.max(this.leadMs, FRAME_MS);
    while (this.queue.length > 0) {
      const item = this.queue[0]!;
      if (item.kind === 'mark') {
        this.queue.shift();
        if (!this.callSink(() => this.sink.sendMark?.(item.name))) return;
        continue;
      }
      if (this.playoutEnd - now + item.ms > allowance) break;
      this.queue.shift();
      this.queuedAudioMs -= item.ms;
      if (!this.callSink(() => this.sink.sendFrame(item.frame))) return;
      this.playoutEnd += item.ms;
      this.sent += item.ms;
    }
    if (this.queue.length === 0) {
      this.waiters.splice(0).forEach((wake) => wake());
      return;
    }
    const head = this.queue[0] as Extract<Item, { kind: 'frame' }>;
    const delay = Math.max(1, this.playoutEnd + head.ms - allowance - now);
    this.cancelTimer = this.timers.schedule(() => {
      this.cancelTimer = undefined;
      this.pump();
    }, delay);
  }

  /** False (and the pacer closed) if the sink threw: a dead socket must not crash a timer. */
  private callSink(send: () => void): boolean {
    try {
      send();
      return true;
    } catch (error) {
      this.close();
      this.options.onError?.(error);
      return false;
    }
  }
}

/** Timers a test moves by hand: `advance(ms)` runs everything that falls due, in order. */
export class ManualTimers implements PacerTimers {
  private time = 0;
  private tasks: Array<{ at: number; seq: number; fn: () => void }> = [];
  private seq = 0;

  now(): number {
    return this.time;
  }

  schedule(fn: () => void, delayMs: number): () => void {
    const task = { at: this.time + Math.max(0, delayMs), seq: this.seq++, fn };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.tasks[0];
      if (!next || next.at > until) break;
      this.tasks.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = until;
  }
}
