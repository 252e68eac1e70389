import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { ApiError } from '../errors.js';
import type { CallOutcome } from '../calls/call-leg.js';
import type { CallControl, LiveCallAnswer, LocalCallControl } from '../calls/call-control.js';
import { type BusLogger, BusRemoteError, BusTimeoutError, type ClusterBus } from './bus.js';
import { ownerOf } from './call-ownership.js';

// Call control across nodes. The session of a call lives where its socket landed; an API
// request (hang up), a carrier callback (the call is over) or a transfer reaching another node
// is forwarded over the bus to the owner, which acts on its session and answers with its
// result. The caller waits a bounded time: an owner whose lease runs but who does not answer
// gets the API caller a 503 `unavailable` (retry), never a silent success. An owner whose lease
// expired holds nothing: recovery closes its calls.

const NO_CALL: LiveCallAnswer = { live: false, legEndsCall: false };

export class ClusterCallControl implements CallControl {
  constructor(
    private readonly local: LocalCallControl,
    private readonly deps: { db: Db; clock: Clock; bus: ClusterBus; nodeId: string; timeoutMs: number; log: BusLogger },
  ) {
    const { bus } = deps;
    bus.handle('call.hangup', (b: { callId: string; outcome: CallOutcome; goodbye: string | null }) => local.hangUpHere(b.callId, b.outcome, b.goodbye));
    bus.handle('call.say', (b: { callId: string; text: string; final: boolean }) => local.sayHere(b.callId, b.text, { final: b.final }));
    bus.handle('call.end_session', (b: { callId: string; reason: string }) => local.endSession(b.callId, b.reason));
  }

  async hangUp(callId: string, outcome: CallOutcome, goodbye: string | null = null): Promise<LiveCallAnswer> {
    const here = this.local.hangUpHere(callId, outcome, goodbye);
    if (here.live) return here;
    return (await this.forward<LiveCallAnswer>(callId, 'call.hangup', { callId, outcome, goodbye }, 'hang up')) ?? NO_CALL;
  }

  async say(callId: string, text: string, opts: { final?: boolean } = {}): Promise<boolean> {
    if (this.local.sayHere(callId, text, opts)) return true;
    return (await this.forward<boolean>(callId, 'call.say', { callId, text, final: opts.final ?? false }, 'speak on')) ?? false;
  }

  async transfer(callId: string, to: string, say: string | null = null): Promise<boolean> {
    return (await this.hangUp(callId, { reason: 'transferred', transferTo: to }, say)).live;
  }

  /**
   * The carrier's end of the call, landing on any node: the owner closes its session first, so
   * its turns and end reason are recorded before this node finalizes the call. An owner that
   * does not answer in time cannot be waited for forever (the carrier's callback wants its
   * answer): the call is finalized without its last words, and the owner's late session end
   * still records them.
   */
  async endSession(callId: string, reason: string): Promise<boolean> {
    if (await this.local.endSession(callId, reason)) return true;
    try {
      return (await this.forward<boolean>(callId, 'call.end_session', { callId, reason }, 'end')) ?? false;
    } catch (err) {
      this.deps.log.warn({ err, call_id: callId }, 'the owner of a call did not close its session in time; finalizing without it');
      return false;
    }
  }

  /** null: no other live node owns the call. Throws `unavailable` when the owner does not answer. */
  private async forward<T>(callId: string, kind: string, body: unknown, verb: string): Promise<T | null> {
    const owner = await ownerOf(this.deps.db, callId, this.deps.clock.now());
    if (!owner || !owner.alive || owner.nodeId === this.deps.nodeId) return null;
    try {
      return await this.deps.bus.request<T>(owner.nodeId, kind, body, this.deps.timeoutMs);
    } catch (err) {
      if (err instanceof BusTimeoutError || err instanceof BusRemoteError) {
        this.deps.log.warn({ err, call_id: callId, owner: owner.nodeId, kind }, 'call control could not reach the call owner');
        throw new ApiError('unavailable', `The gateway node holding this call did not ${verb} it in time; retry shortly.`, [
          { error: err instanceof BusTimeoutError ? 'owner_not_answering' : 'owner_failed', node_id: owner.nodeId },
        ]);
      }
      throw err;
    }
  }
}
