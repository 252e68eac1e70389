import type { WebSocket } from 'ws';
import { TextLeg } from './text-leg.js';

// The CallLeg of a ConversationRelay call (carrier-protocols.md §1). Twilio runs speech
// recognition and synthesis; the leg carries text. The welcome greeting is Twilio's to speak.
//
// When has the caller heard the last words, so that `end` may cut the call? Twilio says so when
// the TwiML asks for it (`events="speaker-events tokens-played"`, §1.3): `info` frames report
// `agentSpeaking` on/off and `tokensPlayed`. Once this socket has sent any of them, `end` waits
// for the agent to stop speaking after the last text went out, bounded by the estimate plus a
// grace period, so a lost report cannot hold the call open. A carrier that reports nothing gets
// the estimate alone: 60 ms per character of the last talk cycle (at most 8 s), less the time
// since it started playing.

export interface RelayLegOptions {
  /** How long the caller needs to hear `chars` characters of speech (the fallback estimate). */
  speechMs?: (chars: number) => number;
  /** With carrier reports: how much longer than the estimate `end` waits for them. */
  reportGraceMs?: number;
}

const defaultSpeechMs = (chars: number) => Math.min(8000, chars * 60);
const REPORT_GRACE_MS = 3000;

/** The `info` frames the leg reads (others are ignored). */
export interface RelayInfo {
  name?: string;
  value?: unknown;
}

export class RelayLeg extends TextLeg {
  readonly kind = 'relay' as const;
  readonly greetingSpokenByCarrier = true;
  private cycleChars = 0;
  private cycleStartedAt = 0;
  /** The carrier reports playback on this call (it sent an agentSpeaking or tokensPlayed). */
  private reports = false;
  private speaking = false;
  /** Text went out that the carrier has not yet said it finished playing. */
  private unheard = false;
  /** Text went out while the agent was silent: its `agentSpeaking:on` is still to come. */
  private awaitingOn = false;
  private playedChars = 0;
  private waiter: { resolve(): void; timer: NodeJS.Timeout } | null = null;

  constructor(
    socket: WebSocket,
    private readonly opts: RelayLegOptions = {},
  ) {
    super(socket);
  }

  /** Playback reports (carrier-protocols.md §1.3). */
  info(frame: RelayInfo): void {
    const value = typeof frame.value === 'string' ? frame.value : '';
    if (frame.name === 'agentSpeaking') {
      this.reports = true;
      if (value === 'on') {
        this.speaking = true;
        this.awaitingOn = false;
      } else if (value === 'off') {
        this.speaking = false;
        if (!this.awaitingOn) this.unheard = false;
      }
    } else if (frame.name === 'tokensPlayed') {
      this.reports = true;
      this.playedChars += value.length;
      if (this.cycleChars > 0 && this.playedChars >= this.cycleChars) this.unheard = false;
    } else return;
    this.settle();
  }

  protected override spoke(text: string): void {
    if (this.cycleChars === 0) {
      this.cycleStartedAt = Date.now();
      this.playedChars = 0;
    }
    this.cycleChars += text.length;
    this.unheard = true;
    if (!this.speaking) this.awaitingOn = true;
  }

  /** A caller turn, a barge-in or cancelSpeech: only what is said from now on can still be playing. */
  protected override playbackOver(): void {
    this.cycleChars = 0;
    this.playedChars = 0;
    this.unheard = false;
    this.awaitingOn = false;
    this.settle();
  }

  protected lastWordsHeard(): Promise<void> {
    if (!this.unheard) return Promise.resolve();
    const speechMs = this.opts.speechMs ?? defaultSpeechMs;
    // Speech started when its first token went out; only the rest of it is still to be heard.
    const estimate = speechMs(this.cycleChars) - (this.cycleChars ? Date.now() - this.cycleStartedAt : 0);
    const wait = this.reports ? Math.max(0, estimate) + (this.opts.reportGraceMs ?? REPORT_GRACE_MS) : estimate;
    if (wait <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiter = { resolve, timer: setTimeout(() => this.release(), wait) };
    });
  }

  /** Ends the wait once the carrier says the last words were played. */
  private settle(): void {
    if (this.waiter && this.reports && !this.unheard) this.release();
  }

  private release(): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve();
  }

  protected override stopWaiting(): void {
    this.release();
  }
}
