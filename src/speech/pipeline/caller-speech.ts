import { UtteranceRecorder } from '../stt/utterance-recorder.js';
import { BargeInDetector } from '../vad/barge-in.js';
import { SilenceEndpointer } from '../vad/endpointer.js';
import type { Vad, VadWindow } from '../vad/vad.js';
import { VoiceActivity, type WindowSink } from '../vad/voice-activity.js';

// The caller's side of a stream call: every inbound 20 ms μ-law frame goes, in order, to voice
// activity detection and to a rolling recorder. From the judged windows:
//  - the endpointer ends a caller turn after `endpointingMs` of silence following speech, and
//    the utterance (with a little pre-roll) is cut out as a WAV for STT;
//  - while agent audio is playing, speech lasting `bargeInMs` is a barge-in.
// An utterance spoken entirely over agent audio that never reached `bargeInMs` (a cough, an
// "mm", any speech with barge-in off) is not a turn: the agent keeps talking and it is dropped.
// All times are the stream's audio time, so a slow event loop cannot shorten a pause.

/** Audio kept between turns (the pre-roll needs 200 ms, speech is found a few windows late). */
const IDLE_KEEP_MS = 1000;

export interface Utterance {
  /** 16-bit PCM mono WAV for STT. */
  wav: Buffer;
  /** Audio time of the speech, ms since the stream's first frame. */
  speechStartMs: number;
  speechEndMs: number;
  /** Silence waited after the speech before the turn ended (≥ the number's endpointing_ms). */
  endpointingMs: number;
  /** Monotonic clock (the `now` option) at which the caller stopped speaking. */
  speechEndedAt: number;
}

export interface CallerSpeechOptions {
  vad: Vad;
  endpointingMs: number;
  /** 0 turns barge-in off. */
  bargeInMs: number;
  /** Agent audio is playing now (marks outstanding). */
  agentPlaying(): boolean;
  onBargeIn(): void;
  onUtterance(utterance: Utterance): void;
  /** The VAD failed on a window; the stream carries on. */
  onError(error: unknown): void;
  now?: () => number;
}

export class CallerSpeech {
  private readonly activity: VoiceActivity;
  private readonly endpointer: SilenceEndpointer;
  private readonly bargeIn: BargeInDetector;
  private readonly recorder = new UtteranceRecorder();
  private readonly now: () => number;
  private wasPlaying = false;
  /** The current utterance interrupted the agent: it is a turn even if the agent still plays. */
  private bargedIn = false;
  private closed = false;
  /** Bound once: a frame costs no closure. */
  private readonly sink: WindowSink = {
    windows: (windows) => this.judge(windows),
    failed: (err) => this.opts.onError(err),
  };

  constructor(private readonly opts: CallerSpeechOptions) {
    this.activity = new VoiceActivity(opts.vad);
    this.endpointer = new SilenceEndpointer({ endpointingMs: opts.endpointingMs });
    this.bargeIn = new BargeInDetector({ bargeInMs: opts.bargeInMs });
    this.now = opts.now ?? (() => performance.now());
  }

  /**
   * One inbound frame, in stream order. Read before this returns (the caller may reuse the
   * buffer); the windows it completes are judged here when the VAD answers at once (silence).
   */
  push(mulaw: Uint8Array): void {
    if (this.closed) return;
    this.recorder.push(mulaw);
    this.activity.feedMulaw(mulaw, this.sink);
  }

  close(): void {
    this.closed = true;
  }

  private judge(windows: VadWindow[]): void {
    for (const window of windows) {
      if (this.closed) return;
      const playing = this.opts.agentPlaying();
      if (playing !== this.wasPlaying) {
        // Speech before playback started (or after it stopped) is not speech over the agent.
        this.bargeIn.reset();
        this.wasPlaying = playing;
      }
      if (playing && this.bargeIn.push(window)) {
        this.bargedIn = true;
        this.opts.onBargeIn();
      }
      for (const event of this.endpointer.push(window)) {
        if (event.type !== 'turn_ended') continue;
        const overAgent = this.opts.agentPlaying() && !this.bargedIn;
        this.bargedIn = false;
        if (overAgent) continue;
        const endpointingMs = event.atMs - event.speechEndMs;
        // Read the clock before building the WAV: that work is the gateway's, part of first_audio_ms.
        const speechEndedAt = this.now() - endpointingMs;
        const wav = this.recorder.utteranceWav(event.speechStartMs, event.speechEndMs);
        // Keep a little before the next speech for its pre-roll; nothing older is needed again.
        this.recorder.discardBefore(Math.max(0, event.atMs - 500));
        this.opts.onUtterance({ wav, speechStartMs: event.speechStartMs, speechEndMs: event.speechEndMs, endpointingMs, speechEndedAt });
      }
      // Between turns (any utterance already cut out above) only the last second is kept, for
      // the next utterance's pre-roll: a silent call does not hold up to 30 s of audio.
      if (!this.endpointer.inSpeech) this.recorder.dropBefore(window.endMs - IDLE_KEEP_MS);
    }
  }
}
