import type { MediaFrame } from '../carriers/twilio/media-frames.js';
import type { MediaTap, OutboundMediaFrame } from '../carriers/twilio/media-sender.js';
import { Base64Scratch } from '../media/base64-scratch.js';
import { LEFT, RIGHT, StereoTimeline } from './stereo-timeline.js';

// The gateway's recorder of a Media Streams call (`stream`, `realtime`): a MediaTap that lays
// the caller on the left channel and the agent on the right, on the stream's clock.
//
//  - Caller audio is placed by its own `media.timestamp` (ms since the stream started).
//  - Agent audio is placed when it was PLAYED, not when it was sent. Twilio plays what we send
//    back to back, starting as soon as its buffer is empty, so each outbound frame starts at
//    max(now, end of what is queued) — the same playhead the fake phone and the pacer keep. A
//    frame is final once it has started playing (or a mark sent after it has been echoed: it
//    played); `clear` drops every frame that had not started yet, which is what the caller
//    never heard. Marks cut by `clear` are echoed at once by Twilio; they are no longer known
//    here and change nothing.
//  - "Now" on the stream clock is the wall clock since the tap saw `start`, pulled forward
//    whenever a caller frame arrives stamped later than that (Twilio's clock is the truth). So
//    our clock runs one network hop behind Twilio's, and audio we send reaches Twilio another hop
//    later: a mark comes back when, on our clock, Twilio finished playing it. The difference to
//    where we had it is the round trip (`lag`), learnt from the echoes; later audio is placed
//    that much later, and `clear` (which also takes a hop to arrive) cuts there.
//
// Off the turn path: a frame costs a μ-law decode and a copy into the timeline; what is final is
// handed to `sink` about once a second (the file writer writes it asynchronously).

export interface RecorderSink {
  /** Interleaved 16-bit stereo PCM, in order. */
  append(pcm: Buffer): void;
}

export interface CallRecorderOptions {
  sink: RecorderSink;
  /** Called once, after the last audio was handed to the sink. */
  onClose(): void;
  /** Monotonic ms (performance.now by default). */
  now?: () => number;
  /** Hand audio to the sink once this much is final (ms, default 1000). */
  batchMs?: number;
}

const SAMPLES_PER_MS = 8;
/** A caller frame stamped further ahead of our clock than this is not believed (a frame held
 * while the leg was built is at most 5 s early); it is placed right after the last one. */
const MAX_AHEAD_MS = 10_000;
/** Caller audio missing for longer than this is silence: the file moves on without it. */
const MAX_CALLER_LAG = 2000 * SAMPLES_PER_MS;
/** The most round trip believed from a mark echo. */
const MAX_LAG = 1000 * SAMPLES_PER_MS;

interface PendingFrame {
  /** Sample index at which it plays. */
  at: number;
  mulaw: Uint8Array;
}

export class CallRecorder implements MediaTap {
  private readonly timeline = new StereoTimeline();
  /** Caller frames are decoded into one buffer per call. */
  private readonly scratch = new Base64Scratch();
  private readonly now: () => number;
  private readonly batch: number;
  /** Wall time of stream time 0. */
  private origin: number;
  /** Sample index where the agent audio queued at Twilio runs out. */
  private playEnd = 0;
  /** Agent frames sent but not yet started playing, in play order. */
  private pending: PendingFrame[] = [];
  /** Marks sent and not yet echoed: name → sample index of the audio before them. */
  private marks = new Map<string, number>();
  /** One past the last caller sample received. */
  private callerEnd = 0;
  /** Next caller timestamp when a frame carries none (20 ms frames in order). */
  private callerNext = 0;
  /** Round trip to Twilio's playout (samples), learnt from mark echoes; null before the first. */
  private lag: number | null = null;
  private closed = false;

  constructor(private readonly opts: CallRecorderOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.origin = this.now();
    this.batch = (opts.batchMs ?? 1000) * SAMPLES_PER_MS;
  }

  /** The stream clock, in samples. */
  private clock(): number {
    return Math.floor((this.now() - this.origin) * SAMPLES_PER_MS);
  }

  inbound(frame: MediaFrame): void {
    if (this.closed) return;
    if (frame.event === 'media') {
      if (frame.media.track && frame.media.track !== 'inbound') return;
      const arrived = this.now();
      let ms = frame.media.timestamp !== undefined ? Number(frame.media.timestamp) : this.callerNext;
      if (!(ms <= arrived - this.origin + MAX_AHEAD_MS)) ms = this.callerNext;
      const mulaw = this.scratch.decode(frame.media.payload);
      this.callerNext = ms + mulaw.length / SAMPLES_PER_MS;
      const at = Math.round(ms * SAMPLES_PER_MS);
      // A frame stamped ahead of our clock: Twilio's clock wins.
      if (arrived - this.origin < ms) this.origin = arrived - ms;
      this.timeline.writeMulaw(LEFT, at, mulaw);
      this.callerEnd = Math.max(this.callerEnd, at + mulaw.length);
      this.advance();
    } else if (frame.event === 'mark') {
      const upTo = this.marks.get(frame.mark.name);
      if (upTo === undefined) return; // cut by a clear, or not ours
      this.marks.delete(frame.mark.name);
      // Everything before the mark has played: final, whatever our clock says.
      this.commit(upTo);
      this.learnLag(this.clock() - upTo);
    }
  }

  outbound(frame: OutboundMediaFrame): void {
    if (this.closed) return;
    if (frame.event === 'media') {
      const at = Math.max(this.clock() + (this.lag ?? 0), this.playEnd);
      // Kept as the μ-law sent (the sender never reuses it), decoded when it is committed.
      this.pending.push({ at, mulaw: frame.payload });
      this.playEnd = at + frame.payload.length;
      this.advance(); // a stream whose caller frames stopped still moves on
    } else if (frame.event === 'mark') {
      this.marks.set(frame.name, this.playEnd);
    } else {
      const cut = this.clock() + (this.lag ?? 0); // when the clear reaches Twilio
      this.commit(cut); // what had started playing stays
      this.pending = [];
      this.marks.clear();
      this.playEnd = Math.min(this.playEnd, cut);
    }
  }

  close(): void {
    if (this.closed) return;
    // The stream is over: what had started playing was heard, the rest never was.
    this.commit(this.clock());
    this.pending = [];
    this.closed = true;
    this.opts.sink.append(this.timeline.take(this.timeline.end));
    this.opts.onClose();
  }

  /**
   * A mark came back `residual` samples after (or before, negative) where we had it: the round
   * trip estimate moves halfway there (all the way on the first echo); audio not played yet
   * moves later with it (never earlier: it must not overlap what played).
   */
  private learnLag(residual: number): void {
    const before = this.lag ?? 0;
    const next = Math.min(MAX_LAG, Math.max(0, this.lag === null ? before + residual : before + residual / 2));
    this.lag = Math.round(next);
    const shift = this.lag - before;
    if (shift <= 0) return;
    for (const f of this.pending) f.at += shift;
    for (const [name, at] of this.marks) this.marks.set(name, at + shift);
    if (this.pending.length > 0 || this.playEnd > this.clock()) this.playEnd += shift;
  }

  /** Moves agent frames that start before `upTo` into the timeline. */
  private commit(upTo: number): void {
    let i = 0;
    while (i < this.pending.length && this.pending[i]!.at < upTo) {
      const f = this.pending[i]!;
      this.timeline.writeMulaw(RIGHT, f.at, f.mulaw);
      i++;
    }
    if (i > 0) this.pending.splice(0, i);
  }

  /** Commits what has started playing; hands the final part to the sink in batches. */
  private advance(): void {
    const now = this.clock();
    this.commit(now);
    // Final: caller audio up to what has arrived, agent audio up to now (later agent frames are
    // still pending and land after `now`).
    const final = Math.max(Math.min(this.callerEnd, now), now - MAX_CALLER_LAG);
    if (final - this.timeline.taken >= this.batch) this.opts.sink.append(this.timeline.take(final));
  }
}
