import type { Db, Executor } from '../db/database.js';
import type { CallsTable } from '../db/schema.js';
import { ACTIVE_STATUSES } from '../calls/call-repository.js';

// Which node holds a live call: the one with its socket (or, before the carrier connects it,
// the one that placed it or rings the softphone). The row stays until the call is final, so a
// status callback or a hang-up reaching another node can still find the owner after the session
// closed; the owner is alive while its node lease runs (node-lease.ts).

export interface CallOwner {
  nodeId: string;
  alive: boolean;
}

export async function claimCall(db: Executor, callId: string, nodeId: string, at: Date): Promise<void> {
  await db
    .insertInto('call_owners')
    .values({ call_id: callId, node_id: nodeId, claimed_at: at.toISOString() })
    .onConflict((oc) => oc.column('call_id').doUpdateSet({ node_id: nodeId, claimed_at: at.toISOString() }))
    .execute();
}

export async function ownerOf(db: Db, callId: string, now: Date): Promise<CallOwner | null> {
  const row = await db
    .selectFrom('call_owners')
    .leftJoin('cluster_nodes', 'cluster_nodes.id', 'call_owners.node_id')
    .select(['call_owners.node_id as node_id', 'cluster_nodes.lease_expires_at as lease_expires_at'])
    .where('call_owners.call_id', '=', callId)
    .executeTakeFirst();
  if (!row) return null;
  return { nodeId: row.node_id, alive: row.lease_expires_at !== null && row.lease_expires_at > now.toISOString() };
}

/**
 * Unfinished calls nobody holds any more: their owner's lease has expired, or their owner was a
 * previous run of a node that restarted under the same id (claimed before the node's start), or
 * they never had an owner and have not changed since `unownedBefore` (an inbound call whose
 * socket never came).
 */
export async function listOrphanedCalls(db: Db, opts: { now: Date; unownedBefore: Date }): Promise<CallsTable[]> {
  const now = opts.now.toISOString();
  return db
    .selectFrom('calls')
    .leftJoin('call_owners', 'call_owners.call_id', 'calls.id')
    .leftJoin('cluster_nodes', 'cluster_nodes.id', 'call_owners.node_id')
    .selectAll('calls')
    .where('calls.status', 'in', ACTIVE_STATUSES)
    .where((eb) =>
      eb.or([
        eb.and([eb('call_owners.node_id', 'is', null), eb('calls.updated_at', '<', opts.unownedBefore.toISOString())]),
        eb.and([eb('call_owners.node_id', 'is not', null), eb('cluster_nodes.id', 'is', null)]),
        eb('cluster_nodes.lease_expires_at', '<=', now),
        eb('call_owners.claimed_at', '<', eb.ref('cluster_nodes.started_at')),
      ]),
    )
    .execute();
}

/** Owner rows of calls that are over: nothing needs to reach them now. */
export async function forgetFinishedOwners(db: Db): Promise<number> {
  const res = await db
    .deleteFrom('call_owners')
    .where('call_id', 'in', (eb) => eb.selectFrom('calls').select('id').where('status', 'not in', ACTIVE_STATUSES))
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0n);
}
