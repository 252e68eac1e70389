import type { CallOutcome } from './call-leg.js';
import type { CallRegistry } from './call-session.js';

// Acting on a live call from outside its conversation: the hang-up API, the minute meter's
// credit cut-off, a transfer. One interface, so the callers do not care where the call runs;
// LocalCallControl finds it in this process's registry (another node's calls would be reached
// through the same interface).

export interface CallControl {
  /** Ends a live call: `goodbye` first when given, then the carrier's end once it was heard. False: no live call here. */
  hangUp(callId: string, outcome: CallOutcome, goodbye?: string | null): boolean;
  /** Says a line outside the agent's turns; `final` stops the conversation (no turn starts after it). */
  say(callId: string, text: string, opts?: { final?: boolean }): boolean;
  /** Transfers a live call to `to`, after `say` when given. */
  transfer(callId: string, to: string, say?: string | null): boolean;
}

export class LocalCallControl implements CallControl {
  constructor(private readonly registry: CallRegistry) {}

  hangUp(callId: string, outcome: CallOutcome, goodbye: string | null = null): boolean {
    const s = this.registry.get(callId);
    s?.hangUp(outcome, goodbye);
    return s !== undefined;
  }

  say(callId: string, text: string, opts: { final?: boolean } = {}): boolean {
    const s = this.registry.get(callId);
    if (!s) return false;
    if (opts.final) s.conversation.sayFinalWords(text);
    else s.conversation.say(text);
    return true;
  }

  transfer(callId: string, to: string, say: string | null = null): boolean {
    return this.hangUp(callId, { reason: 'transferred', transferTo: to }, say);
  }
}
