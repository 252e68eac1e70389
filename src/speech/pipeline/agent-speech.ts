import { FrameSlicer } from '../../media/frame-slicer.js';
import { type PacerTimers, PlayoutPacer, type PlayoutSink, realTimers } from '../../media/playout-pacer.js';
import { PhoneAudioEncoder } from '../../media/tts-to-phone.js';
import { SpeechError } from '../speech-error.js';
import { ClauseChunker } from '../tts/clause-chunker.js';
import type { TextToSpeech } from '../tts/text-to-speech.js';
import { AudioChunks } from './audio-chunks.js';

// The agent's side of a stream call: the reply's text deltas become speech on the phone.
//
//   speak(delta) → clause chunker → one TTS request per clause, started as soon as the clause is
//   complete (so later clauses are synthesized while earlier ones play) → played strictly in
//   order: 24 kHz PCM → 8 kHz μ-law in whole 160-byte frames → paced a bounded lead ahead →
//   the sink (Twilio `media`), with a `mark` after each clause's audio.
//
// What the caller heard is what the carrier says was played: a clause counts as heard when its
// mark comes back. `interrupt()` (barge-in) clears the carrier's buffer, aborts every TTS request
// in flight and answers with the heard clauses only. A TTS failure or timeout drops the rest of
// the reply and plays a pre-rendered prompt, which needs no speech service.

export interface AgentSpeechOptions {
  tts: TextToSpeech;
  voice: string;
  /** The carrier writer: frames, marks and `clear`. */
  sink: PlayoutSink;
  /** The pre-rendered audio (μ-law, whole frames) to play when TTS fails on this reply. */
  fallbackAudio(replyText: string): Buffer;
  /**
   * A TTS request failed or timed out (not our own abort): the turn failed. `heard` is what of
   * that reply plays before the fallback prompt (the whole clauses before the failed one).
   */
  onFailure?(error: SpeechError, heard: string): void;
  /** The first frame of a reply went to the carrier. */
  onFirstAudio?(reply: { ttsFirstByteMs: number | null; at: number }): void;
  /** The sink threw (the socket is gone): playback has stopped. */
  onSinkError?(error: unknown): void;
  leadMs?: number;
  timers?: PacerTimers;
  /** Monotonic ms, for timings. */
  now?: () => number;
}

interface Reply {
  id: number;
  /** Every delta so far (for picking a fallback prompt). */
  text: string;
  heard: string[];
  failed: boolean;
  clauses: number;
  requestedAt: number | null;
  ttsFirstByteMs: number | null;
  firstAudioSent: boolean;
}

interface Clause {
  mark: string;
  /** '' for a prompt: nothing the agent said, never part of what was heard. */
  text: string;
  reply: Reply | null;
  audio: AudioChunks | null;
  prompt: Buffer | null;
  controller: AbortController;
  /** Audio of it has gone to the pacer; its mark is outstanding until echoed. */
  started: boolean;
  /** Cut short by a failure: its mark still comes back, but it was not heard whole. */
  partial: boolean;
}

export class AgentSpeech {
  private readonly pacer: PlayoutPacer;
  private readonly encoder = new PhoneAudioEncoder();
  private readonly chunker = new ClauseChunker();
  private readonly now: () => number;
  /** Clauses not yet fully handed to the pacer, in play order; [0] is being played. */
  private queue: Clause[] = [];
  /** Clauses whose audio went out and whose mark has not come back, by mark name. */
  private readonly outstanding = new Map<string, Clause>();
  private current: Reply | null = null;
  private replies = 0;
  private prompts = 0;
  /** After a barge-in: the rest of the interrupted reply is dropped until the next one starts. */
  private muted = false;
  private generation = 0;
  private pumping = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: AgentSpeechOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.pacer = new PlayoutPacer(opts.sink, { leadMs: opts.leadMs, timers: opts.timers ?? realTimers, onError: (err) => this.sinkFailed(err) });
  }

  /** Agent audio is out at the carrier and not yet confirmed played (marks outstanding). */
  get playing(): boolean {
    return this.outstanding.size > 0;
  }

  /** Nothing queued, nothing unconfirmed. */
  get idle(): boolean {
    return this.queue.length === 0 && this.outstanding.size === 0;
  }

  speak(delta: string): void {
    if (this.closed || this.muted || delta === '') return;
    const reply = (this.current ??= this.newReply());
    if (reply.failed) return;
    reply.text += delta;
    for (const text of this.chunker.push(delta)) this.addClause(reply, text);
  }

  /** The reply is complete: its last clause goes to TTS now. */
  endTurn(): void {
    if (this.muted) {
      this.muted = false;
      this.current = null;
      return;
    }
    const reply = this.current;
    this.current = null;
    if (!reply || reply.failed || this.closed) return;
    for (const text of this.chunker.flush()) this.addClause(reply, text);
  }

  /** The next caller turn was taken: a new reply may start even if the last was never closed. */
  unmute(): void {
    if (this.muted) {
      this.muted = false;
      this.current = null;
    }
  }

  /**
   * The words of the reply so far go to TTS now, even mid-sentence, so audio queued next (DTMF
   * tones) plays after them; the reply stays open for more.
   */
  flush(): void {
    const reply = this.current;
    if (!reply || reply.failed || this.muted || this.closed) return;
    for (const text of this.chunker.flush()) this.addClause(reply, text);
  }

  /** Plays pre-rendered μ-law (a prompt, DTMF tones) after whatever is queued. */
  playAudio(mulaw: Buffer): void {
    if (this.closed || mulaw.length === 0) return;
    this.queue.push(this.promptClause(mulaw));
    void this.pump();
  }

  /** A carrier mark came back: the audio before it has played. */
  markPlayed(name: string): void {
    const clause = this.outstanding.get(name);
    if (!clause) return; // cleared, or not ours
    this.outstanding.delete(name);
    if (clause.reply && clause.text && !clause.partial) clause.reply.heard.push(clause.text);
    this.checkIdle();
  }

  /**
   * Barge-in: stop now and return what the caller heard of the reply being played (the clauses
   * whose marks came back). The rest of that reply is dropped, including deltas still to come.
   */
  interrupt(): string {
    const reply = this.playingReply();
    const heard = reply ? reply.heard.join(' ') : '';
    if (this.current) this.muted = true;
    this.stop(true);
    return heard;
  }

  /** Stops playback now without muting (the session decided; it sends what comes next). */
  cancel(): void {
    this.current = null;
    this.stop(true);
  }

  /** Resolves once everything queued has played (its marks came back) or playback stopped. */
  whenIdle(): Promise<void> {
    if (this.idle || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The call is over: abort everything, send nothing more. */
  close(): void {
    if (this.closed) return;
    this.stop(false);
    this.closed = true;
    this.pacer.close();
    this.wakeIdle();
  }

  private newReply(): Reply {
    return { id: ++this.replies, text: '', heard: [], failed: false, clauses: 0, requestedAt: null, ttsFirstByteMs: null, firstAudioSent: false };
  }

  private playingReply(): Reply | null {
    for (const clause of [...this.outstanding.values(), ...this.queue]) if (clause.reply) return clause.reply;
    return this.current;
  }

  private addClause(reply: Reply, text: string): void {
    const clause: Clause = {
      mark: `r${reply.id}-c${++reply.clauses}`,
      text,
      reply,
      audio: new AudioChunks(),
      prompt: null,
      controller: new AbortController(),
      started: false,
      partial: false,
    };
    this.queue.push(clause);
    void this.synthesize(clause);
    void this.pump();
  }

  private promptClause(mulaw: Buffer): Clause {
    return { mark: `p${++this.prompts}`, text: '', reply: null, audio: null, prompt: mulaw, controller: new AbortController(), started: false, partial: false };
  }

  /** Reads the clause's TTS stream into its queue as it arrives; never throws. */
  private async synthesize(clause: Clause): Promise<void> {
    const reply = clause.reply!;
    const startedAt = this.now();
    reply.requestedAt ??= startedAt;
    try {
      for await (const pcm of this.opts.tts.stream(clause.text, { voice: this.opts.voice, signal: clause.controller.signal })) {
        if (reply.ttsFirstByteMs === null) reply.ttsFirstByteMs = this.now() - startedAt;
        clause.audio!.push(pcm);
      }
      clause.audio!.end();
    } catch (err) {
      clause.audio!.fail(err);
    }
  }

  /** The one playback loop: clauses in order, each as its audio arrives. */
  private async pump(): Promise<void> {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    const generation = this.generation;
    try {
      while (this.queue.length > 0 && generation === this.generation) {
        const clause = this.queue[0]!;
        try {
          if (clause.prompt) {
            const slicer = new FrameSlicer();
            this.enqueue(clause, [...slicer.push(clause.prompt), ...slicer.flush()]);
          } else {
            for await (const pcm of clause.audio!) {
              if (generation !== this.generation) return;
              this.enqueue(clause, this.encoder.push(pcm));
            }
            if (generation !== this.generation) return;
            this.enqueue(clause, this.encoder.end());
          }
        } catch (err) {
          if (generation !== this.generation) return; // our own abort (barge-in)
          this.replyFailed(clause, err);
          continue;
        }
        this.finishClause(clause);
        this.queue.shift();
      }
    } finally {
      this.pumping = false;
      // A barge-in ended the old loop while new clauses were queued: start them.
      if (generation !== this.generation && this.queue.length > 0) void this.pump();
      this.checkIdle();
    }
  }

  private enqueue(clause: Clause, frames: Buffer[]): void {
    if (frames.length === 0) return;
    if (!clause.started) {
      clause.started = true;
      this.outstanding.set(clause.mark, clause);
    }
    this.pacer.enqueue(frames);
    const reply = clause.reply;
    if (reply && !reply.firstAudioSent) {
      reply.firstAudioSent = true;
      this.opts.onFirstAudio?.({ ttsFirstByteMs: reply.ttsFirstByteMs, at: this.now() });
    }
  }

  private finishClause(clause: Clause): void {
    if (clause.started) this.pacer.mark(clause.mark);
    else if (clause.reply && clause.text && !clause.partial) clause.reply.heard.push(clause.text); // no audio: nothing to wait for
  }

  /** TTS failed on `clause`: drop the rest of its reply and play the prompt in its place. */
  private replyFailed(clause: Clause, err: unknown): void {
    const error = err instanceof SpeechError ? err : new SpeechError('connection', err instanceof Error ? err.message : String(err));
    const reply = clause.reply!;
    reply.failed = true;
    clause.partial = true;
    const before = [...this.outstanding.values()].filter((c) => c.reply === reply && c !== clause && !c.partial).map((c) => c.text);
    const heard = [...reply.heard, ...before].join(' ');
    this.finishClause(clause); // the audio already out still gets its mark
    this.encoder.clear();
    for (const other of this.queue) if (other.reply === reply) other.controller.abort();
    this.queue = this.queue.filter((other) => other.reply !== reply);
    if (this.current === reply) {
      // The rest of this reply is dropped, as after a barge-in: the next reply starts afresh.
      this.chunker.clear();
      this.muted = true;
    }
    this.queue.unshift(this.promptClause(this.opts.fallbackAudio(reply.text)));
    this.opts.onFailure?.(error, heard);
  }

  private stop(sendClear: boolean): void {
    this.generation++;
    const hadAudio = this.outstanding.size > 0 || this.queue.some((c) => c.started);
    for (const clause of this.queue) clause.controller.abort();
    this.queue = [];
    this.chunker.clear();
    this.encoder.clear();
    this.outstanding.clear(); // marks Twilio returns after the clear were not heard
    if (sendClear && hadAudio) this.pacer.clear();
    this.checkIdle();
  }

  private sinkFailed(err: unknown): void {
    this.opts.onSinkError?.(err);
    this.close();
  }

  private checkIdle(): void {
    if (this.idle) this.wakeIdle();
  }

  private wakeIdle(): void {
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }
}
