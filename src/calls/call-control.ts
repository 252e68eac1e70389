import type { CallOutcome } from './call-leg.js';
import type { CallRegistry } from './call-session.js';

// Acting on a live call from outside its conversation: the hang-up API, the minute meter's
// credit cut-off, a transfer, the carrier's status callback. One interface, so the callers do
// not care where the call runs: LocalCallControl finds it in this process's registry;
// ClusterCallControl (src/cluster/) also reaches calls whose socket another node holds.

export interface LiveCallAnswer {
  /** A live session had the call (here or on its owner node). */
  live: boolean;
  /** That session's leg ends the call at the carrier itself (see LiveSession.legEndsCall). */
  legEndsCall: boolean;
}

export interface CallControl {
  /** Ends a live call: `goodbye` first when given, then the carrier's end once it was heard. */
  hangUp(callId: string, outcome: CallOutcome, goodbye?: string | null): Promise<LiveCallAnswer>;
  /** Says a line outside the agent's turns; `final` stops the conversation (no turn starts after it). False: no live call. */
  say(callId: string, text: string, opts?: { final?: boolean }): Promise<boolean>;
  /** Transfers a live call to `to`, after `say` when given. */
  transfer(callId: string, to: string, say?: string | null): Promise<boolean>;
  /**
   * The carrier reports the call over: its session closes wherever it runs, and resolves once
   * the session's end and turns are in the record (so the caller may finalize after it).
   */
  endSession(callId: string, reason: string): Promise<boolean>;
}

export class LocalCallControl implements CallControl {
  constructor(private readonly registry: CallRegistry) {}

  async hangUp(callId: string, outcome: CallOutcome, goodbye: string | null = null): Promise<LiveCallAnswer> {
    return this.hangUpHere(callId, outcome, goodbye);
  }

  hangUpHere(callId: string, outcome: CallOutcome, goodbye: string | null = null): LiveCallAnswer {
    const s = this.registry.get(callId);
    s?.hangUp(outcome, goodbye);
    return { live: s !== undefined, legEndsCall: s?.legEndsCall ?? false };
  }

  async say(callId: string, text: string, opts: { final?: boolean } = {}): Promise<boolean> {
    return this.sayHere(callId, text, opts);
  }

  sayHere(callId: string, text: string, opts: { final?: boolean } = {}): boolean {
    const s = this.registry.get(callId);
    if (!s) return false;
    if (opts.final) s.conversation.sayFinalWords(text);
    else s.conversation.say(text);
    return true;
  }

  async transfer(callId: string, to: string, say: string | null = null): Promise<boolean> {
    return (await this.hangUp(callId, { reason: 'transferred', transferTo: to }, say)).live;
  }

  async endSession(callId: string, reason: string): Promise<boolean> {
    const live = this.registry.get(callId) !== undefined;
    await this.registry.close(callId, reason); // also waits for a close already under way here
    return live;
  }
}
