// The carrier side of a live call, as the turn loop sees it. Implemented by the
// ConversationRelay adapter (carriers/twilio/relay-leg.ts) and the test-mode softphone
// (carriers/sim/softphone-leg.ts); the loop never sees a wire format.

export interface CallOutcome {
  /** agent_ended | transferred | insufficient_credits | agent_failed | hangup_requested ... */
  reason: string;
  /** E.164 number, when the agent transferred the call. */
  transferTo?: string;
}

export interface CallLeg {
  /** Streams one piece of the agent's reply to the caller, as soon as it exists. */
  speak(text: string): void;
  /** Closes the agent's talk cycle. */
  endTurn(): void;
  /** Ends the call (after what was already spoken has been heard, where the carrier allows). */
  end(outcome: CallOutcome): void;
  /** Presses keys towards the other party (DTMF; `w` is a half-second pause). */
  sendDigits(digits: string): void;
}
