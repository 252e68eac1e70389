import type { WebSocket } from 'ws';
import type { CallLeg, CallOutcome, LegEvents, LegKind } from '../calls/call-leg.js';

// What the two text legs share: ConversationRelay and the test-mode softphone both carry the
// call as ConversationRelay-style JSON text frames (carrier-protocols.md §1.2, §1.4). Caller
// frames in: prompt, interrupt, dtmf. Agent frames out: text (last:true closes a talk cycle),
// sendDigits, end (the outcome as a JSON string in handoffData). The socket's close is the
// caller hanging up. Subclasses decide when the last words have been heard.

/** The caller frames both protocols share (their parsers check them; see relay-frames.ts). */
export type CallerFrame =
  | { type: 'prompt'; voicePrompt: string; last?: boolean }
  | { type: 'interrupt'; utteranceUntilInterrupt?: string }
  | { type: 'dtmf'; digit: string };

const END_OF_TURN = '{"type":"text","token":"","last":true}';

export abstract class TextLeg implements CallLeg {
  abstract readonly kind: LegKind;
  abstract readonly greetingSpokenByCarrier: boolean;
  private events: LegEvents | null = null;
  /** Caller frames that arrived while the session was still starting, in order. */
  private readonly early: Array<(e: LegEvents) => void> = [];
  private hungUp = false;
  private ending: Promise<void> | null = null;
  /** Ending or gone: the leg sends no more speech. */
  protected done = false;
  private disposed = false;

  constructor(protected readonly socket: WebSocket) {
    socket.once('close', () => {
      this.dispose();
      this.emit((e) => e.hangup('caller_hangup'), true);
    });
  }

  attach(events: LegEvents): void {
    if (this.events) throw new Error('a leg is attached once');
    this.events = events;
    for (const act of this.early.splice(0)) act(events);
  }

  /** Hands one parsed caller frame to the leg. */
  handle(frame: CallerFrame): void {
    switch (frame.type) {
      case 'prompt':
        if (frame.last === false) return; // an interim transcript
        this.playbackOver();
        return this.emit((e) => e.callerSaid(frame.voicePrompt));
      case 'interrupt':
        this.playbackOver();
        return this.emit((e) => e.interrupted(frame.utteranceUntilInterrupt ?? ''));
      case 'dtmf':
        return this.emit((e) => e.digit(frame.digit));
    }
  }

  protected send(frame: object): void {
    this.sendText(JSON.stringify(frame));
  }

  /** An already serialised frame (the token path builds its own, see speak). */
  private sendText(json: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(json);
  }

  /** Events wait for `attach`; nothing follows `hangup`. */
  private emit(act: (e: LegEvents) => void, isHangup = false): void {
    if (this.hungUp) return;
    if (isHangup) this.hungUp = true;
    if (!this.events) {
      this.early.push(act);
      return;
    }
    act(this.events);
  }

  speak(text: string): void {
    if (this.done || text === '') return;
    this.spoke(text);
    // The hottest frame of a call, once per agent token: built by hand (the same bytes
    // JSON.stringify makes of { type, token, last }), no frame object per token.
    this.sendText(`{"type":"text","token":${JSON.stringify(text)},"last":false}`);
  }

  endTurn(): void {
    if (this.done) return;
    this.sendText(END_OF_TURN);
  }

  sendDigits(digits: string): void {
    if (!this.done) this.send({ type: 'sendDigits', digits });
  }

  cancelSpeech(): void {
    // Neither protocol has a message that stops playback (Twilio stops it itself on caller
    // speech or keys, interruptible="any"); what is left is to stop waiting for it.
    this.playbackOver();
  }

  end(outcome: CallOutcome): Promise<void> {
    if (this.ending) return this.ending;
    if (this.done) return Promise.resolve();
    this.done = true; // nothing more is said once the call is ending
    this.ending = (async () => {
      await this.lastWordsHeard();
      if (this.disposed || this.socket.readyState !== this.socket.OPEN) return;
      this.send({ type: 'end', handoffData: JSON.stringify({ reason: outcome.reason, ...(outcome.transferTo ? { transferTo: outcome.transferTo } : {}) }) });
      this.afterEnd(outcome);
    })();
    return this.ending;
  }

  dispose(): void {
    this.done = true;
    this.disposed = true;
    this.stopWaiting();
  }

  /** A piece of agent speech went out. */
  protected spoke(_text: string): void {}
  /** Playback is over (the caller spoke, or speech was cancelled): nothing sent so far is still to be heard. */
  protected playbackOver(): void {}
  /** Resolves once what was spoken has been heard (or the leg is disposed). */
  protected abstract lastWordsHeard(): Promise<void>;
  /** Stop any wait in lastWordsHeard (the socket is gone). */
  protected stopWaiting(): void {}
  protected afterEnd(_outcome: CallOutcome): void {}
}
