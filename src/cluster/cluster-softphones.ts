import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { CallsTable } from '../db/schema.js';
import * as calls from '../calls/call-repository.js';
import type { SimDialer, SoftphoneDirectory, SoftphoneHub } from '../carriers/sim/softphone.js';
import type { BusLogger, ClusterBus } from './bus.js';
import { claimCall, ownerOf } from './call-ownership.js';

// Softphones across nodes. A softphone's socket stays on the node it connected to; its
// registration (workspace + number → node) is a row, so a test call placed through any node
// rings it: the dialing node asks the softphone's node over the bus, and that node rings its
// socket and holds the ringing state (it is the call's owner until it connects or ends).

export class ClusterSoftphones implements SoftphoneDirectory {
  private dialer: SimDialer | null = null;
  private hub: SoftphoneHub | null = null;

  constructor(private readonly deps: { db: Db; clock: Clock; bus: ClusterBus; nodeId: string; timeoutMs: number; log: BusLogger }) {}

  /** The node's own hub and dialer answer the other nodes' requests. */
  attach(hub: SoftphoneHub, dialer: SimDialer): void {
    this.hub = hub;
    this.dialer = dialer;
    const { bus } = this.deps;
    bus.handle('sim.ring', async (b: { callId: string }) => {
      const call = await calls.findCallById(this.deps.db, b.callId);
      const number = call ? await this.deps.db.selectFrom('numbers').selectAll().where('id', '=', call.number_id).executeTakeFirst() : undefined;
      return call && number ? dialer.ringHere(call, number) : false;
    });
    bus.handle('sim.hangup', (b: { callId: string }) => dialer.hangUpHere(b.callId));
    bus.handle('softphone.sms', (b: { workspaceId: string; phone: string; message: { id: string; from: string; to: string; body: string } }) => {
      const listener = hub.find(b.workspaceId, b.phone);
      listener?.sms(b.message);
      return listener !== undefined;
    });
  }

  registered(workspaceId: string, phone: string): void {
    const at = this.deps.clock.now().toISOString();
    this.deps.db
      .insertInto('softphone_registrations')
      .values({ workspace_id: workspaceId, phone_number: phone, node_id: this.deps.nodeId, registered_at: at })
      .onConflict((oc) => oc.columns(['workspace_id', 'phone_number']).doUpdateSet({ node_id: this.deps.nodeId, registered_at: at }))
      .execute()
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not record a softphone registration'));
  }

  unregistered(workspaceId: string, phone: string): void {
    this.deps.db
      .deleteFrom('softphone_registrations')
      .where('workspace_id', '=', workspaceId)
      .where('phone_number', '=', phone)
      .where('node_id', '=', this.deps.nodeId)
      .execute()
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not remove a softphone registration'));
  }

  /** A node that stops drops its registrations (its sockets go with it). */
  async forgetMine(): Promise<void> {
    await this.deps.db.deleteFrom('softphone_registrations').where('node_id', '=', this.deps.nodeId).execute();
  }

  async ringElsewhere(call: CallsTable): Promise<boolean> {
    const node = await this.nodeOf(call.workspace_id, call.to_number);
    if (!node) return false;
    try {
      return await this.deps.bus.request<boolean>(node, 'sim.ring', { callId: call.id }, this.deps.timeoutMs);
    } catch (err) {
      this.deps.log.warn({ err, call_id: call.id, node_id: node }, 'the node of a registered softphone did not ring it');
      return false;
    }
  }

  async hangUpElsewhere(call: CallsTable): Promise<boolean> {
    const owner = await ownerOf(this.deps.db, call.id, this.deps.clock.now());
    if (!owner || !owner.alive || owner.nodeId === this.deps.nodeId) return false;
    return this.deps.bus.request<boolean>(owner.nodeId, 'sim.hangup', { callId: call.id }, this.deps.timeoutMs);
  }

  smsElsewhere(workspaceId: string, phone: string, message: { id: string; from: string; to: string; body: string }): void {
    void (async () => {
      const node = await this.nodeOf(workspaceId, phone);
      if (node) await this.deps.bus.request(node, 'softphone.sms', { workspaceId, phone, message }, this.deps.timeoutMs);
    })().catch((err: unknown) => this.deps.log.warn({ err }, 'could not hand a test SMS to a softphone on another node'));
  }

  claim(callId: string): void {
    claimCall(this.deps.db, callId, this.deps.nodeId, this.deps.clock.now()).catch((err: unknown) => this.deps.log.error({ err, call_id: callId }, 'could not record the owner of a call'));
  }

  private async nodeOf(workspaceId: string, phone: string): Promise<string | null> {
    const row = await this.deps.db
      .selectFrom('softphone_registrations')
      .innerJoin('cluster_nodes', 'cluster_nodes.id', 'softphone_registrations.node_id')
      .select('softphone_registrations.node_id as node_id')
      .where('softphone_registrations.workspace_id', '=', workspaceId)
      .where('softphone_registrations.phone_number', '=', phone)
      .where('cluster_nodes.lease_expires_at', '>', this.deps.clock.now().toISOString())
      .executeTakeFirst();
    return row && row.node_id !== this.deps.nodeId ? row.node_id : null;
  }
}
