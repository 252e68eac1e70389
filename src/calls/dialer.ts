import type { CarrierRecord } from '../carriers/carrier.js';
import type { CallStatus, CallsTable, NumbersTable } from '../db/schema.js';

// Outbound call control behind one interface: Twilio for live keys, the softphone hub for test
// keys. Hang-up and crash recovery go through it too.

export interface CarrierCallState {
  status: CallStatus;
  durationSeconds: number | null;
}

export interface Dialer {
  readonly carrier: 'twilio' | 'sim';
  /** Places the call; resolves with the carrier's call id. Throws CarrierError. */
  dial(call: CallsTable, number: NumbersTable, opts: { timeLimitSeconds: number }): Promise<string>;
  /** Ends the call at the carrier, whatever its state. */
  hangUp(call: CallsTable): Promise<void>;
  /** The carrier's view of a call (after a restart); null when it does not know it. */
  fetch(call: CallsTable): Promise<CarrierCallState | null>;
  /**
   * Reconciliation: the carrier's record of this outbound call if it placed it, created no
   * earlier than `since` and not claimed by another call; null when it has none. A dialer
   * without it keeps no record outside the process (the simulator).
   */
  findPlaced?(call: CallsTable, since: Date, isClaimed: (sid: string) => Promise<boolean>): Promise<CarrierRecord | null>;
}
