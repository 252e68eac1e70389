// ─── TEMPORARY ──────────────────────────────────────────────────────────────────────────────
// A verbatim copy of the two-way CallLeg from branch i9-legs (src/calls/call-leg.ts, commit
// ecd2009), so the Media Streams leg codes to that interface before the branch lands on main.
// At the merge: delete this file and import from '../../calls/call-leg.js' instead.
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface CallOutcome {
  /** agent_ended | transferred | insufficient_credits | agent_failed | hangup_requested ... */
  reason: string;
  /** E.164 number, when the agent transferred the call. */
  transferTo?: string;
}

/** What the leg tells the session. Called only after `attach`; never after `hangup`. */
export interface LegEvents {
  /** A final caller turn (a relay prompt, a softphone prompt, an STT transcript). */
  callerSaid(text: string): void;
  /** Barge-in: the caller spoke over the agent; `heard` is what of the reply reached the caller. */
  interrupted(heard: string): void;
  /** One DTMF key the caller pressed. */
  digit(digit: string): void;
  /** The carrier side is gone (socket closed, caller hung up). Sent once. */
  hangup(reason?: string): void;
}

export type LegKind = 'relay' | 'softphone' | 'stream' | 'realtime';

export interface CallLeg {
  readonly kind: LegKind;
  /**
   * The carrier speaks the first message itself (ConversationRelay's welcomeGreeting), so the
   * session must not `speak` it; it still records it in history and transcript.
   */
  readonly greetingSpokenByCarrier: boolean;
  /** startSession wires the events once, before any frame is handed to the leg. */
  attach(events: LegEvents): void;
  /** Streams one piece of the agent's reply to the caller, as soon as it exists. */
  speak(text: string): void;
  /** The agent's talk cycle is complete (what was spoken so far is the whole reply). */
  endTurn(): void;
  /** Stops playback now (DTMF barge-in, a gateway decision). Does not emit `interrupted`. */
  cancelSpeech(): void;
  /** Presses keys towards the other party (DTMF; `w` is a half-second pause). */
  sendDigits(digits: string): void;
  /**
   * Ends the call with this outcome once the last words were heard (what the carrier reports
   * where the protocol offers it, else a bounded estimate the leg documents). Resolves when the
   * end has been handed to the carrier. Idempotent: a second call resolves with the first.
   */
  end(outcome: CallOutcome): Promise<void>;
  /** The socket is gone: clear timers, send nothing more. Resolves any pending `end`. */
  dispose(): void;
}
