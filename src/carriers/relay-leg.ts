import type { WebSocket } from 'ws';
import type { CallLeg, CallOutcome } from '../calls/call-leg.js';

// A CallLeg over the ConversationRelay text protocol (carrier-protocols.md §1.4): agent deltas
// go out as `text` frames the moment they exist; `last:true` closes a talk cycle; `end` carries
// the outcome as a JSON string in handoffData. The test-mode softphone speaks the same frames.

export interface RelayLegOptions {
  language?: string;
  /** Softphone: close the socket after `end`. Twilio closes it itself and calls the action URL. */
  closeAfterEnd: boolean;
  /** How long the caller needs to hear `chars` characters of speech before `end` may cut it. */
  speechMs?: (chars: number) => number;
}

const defaultSpeechMs = (chars: number) => Math.min(8000, chars * 60);

export class RelayLeg implements CallLeg {
  private cycleChars = 0;
  private cycleStartedAt = 0;
  private ending: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly opts: RelayLegOptions,
  ) {}

  private send(frame: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  speak(text: string): void {
    if (this.done || text === '') return;
    if (this.cycleChars === 0) this.cycleStartedAt = Date.now();
    this.cycleChars += text.length;
    this.send({ type: 'text', token: text, last: false });
  }

  endTurn(): void {
    if (this.done) return;
    this.send({ type: 'text', token: '', last: true });
  }

  sendDigits(digits: string): void {
    if (!this.done) this.send({ type: 'sendDigits', digits });
  }

  /** Waits for the last words to be spoken (estimated from their length), then ends. */
  end(outcome: CallOutcome): void {
    if (this.done) return;
    this.done = true;
    // Speech started when its first token went out; only the rest of it is still to be heard.
    const wait = (this.opts.speechMs ?? defaultSpeechMs)(this.cycleChars) - (this.cycleChars ? Date.now() - this.cycleStartedAt : 0);
    const finish = () => {
      this.send({ type: 'end', handoffData: JSON.stringify({ reason: outcome.reason, ...(outcome.transferTo ? { transferTo: outcome.transferTo } : {}) }) });
      if (this.opts.closeAfterEnd) this.socket.close(1000, outcome.reason.slice(0, 100));
    };
    if (wait <= 0) return finish();
    this.ending = setTimeout(finish, wait);
  }

  /** A new talk cycle resets the speech estimate (only the last cycle can still be playing). */
  cycleHeard(): void {
    this.cycleChars = 0;
  }

  dispose(): void {
    if (this.ending) clearTimeout(this.ending);
    this.done = true;
  }
}
