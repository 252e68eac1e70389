import type { CallsTable, Mode } from '../db/schema.js';
import { listUnfinishedCalls } from './call-repository.js';
import { type CallServiceDeps, finalizeCall, isTerminal } from './call-service.js';
import type { Dialer } from './dialer.js';
import { recoverInterruptedRecordings } from '../recordings/recording-service.js';

// After a crash or restart no session survives, so no call may stay "in-progress": each one is
// closed and billed from the carrier's own record when it has one, else from the last moment
// the gateway knew the call was alive (its last minute charge or turn). A call the carrier
// still has up is hung up there first.

export interface RecoveryScope {
  /**
   * Several nodes: only these calls (their owner's lease expired, src/cluster/call-ownership.ts),
   * never a call live on another node; and only their recordings. Unset: every unfinished call
   * (one process: none survived the restart).
   */
  calls: CallsTable[];
}

export async function recoverInterruptedCalls(deps: CallServiceDeps & { dialers: Record<Mode, Dialer> }, scope?: RecoveryScope): Promise<number> {
  let recovered = 0;
  for (const call of scope ? scope.calls : await listUnfinishedCalls(deps.db)) {
    try {
      const dialer = deps.dialers[call.mode];
      const remote = call.carrier === dialer.carrier ? await dialer.fetch(call) : null;
      if (remote && isTerminal(remote.status)) {
        await finalizeCall(deps, call.id, { status: remote.status, durationSeconds: remote.durationSeconds, source: 'carrier', endReason: 'recovered' });
      } else {
        if (remote) await dialer.hangUp(call).catch((err: unknown) => deps.log.warn({ err, call_id: call.id }, 'could not hang up a recovered call'));
        const answered = call.answered_at ? Date.parse(call.answered_at) : null;
        const lastSeen = Date.parse(call.last_activity_at ?? call.answered_at ?? call.created_at);
        const durationSeconds = answered === null ? 0 : Math.max(0, (lastSeen - answered) / 1000);
        await finalizeCall(deps, call.id, { status: answered === null ? 'failed' : 'completed', durationSeconds, source: 'gateway', endReason: 'recovered' });
      }
      recovered++;
    } catch (err) {
      deps.log.error({ err, call_id: call.id }, 'could not recover an interrupted call');
    }
  }
  // The files of gateway recordings those calls were writing are made valid and become ready.
  const recordings = await recoverInterruptedRecordings(deps, scope ? new Set(scope.calls.map((c) => c.id)) : undefined).catch((err: unknown) => {
    deps.log.error({ err }, 'could not recover interrupted call recordings');
    return 0;
  });
  if (recordings > 0) deps.log.warn({ recordings }, 'finished call recordings cut by a previous run');
  return recovered;
}
