import { EventEmitter } from 'node:events';
import type { OpenedDatabase } from '../db/database.js';

// emitEvent tells the in-process delivery worker that new deliveries exist, so they go out at
// once instead of at the next poll. Nothing listens when no worker runs (the CLI, most tests),
// and emitting to no listener is a no-op. The worker also polls, so a missed wake costs at most
// one poll interval: the rows, not this signal, are the source of truth.

export const PENDING = 'pending';

export const deliveryNotifier = new EventEmitter();
// Every app built in one process (tests build many) subscribes its own worker.
deliveryNotifier.setMaxListeners(0);

/** PostgreSQL: fan-out NOTIFYs this channel in the event's transaction (fan-out.ts). */
export const DELIVERY_CHANNEL = 'agentline_deliveries';

/**
 * On PostgreSQL, turns every NOTIFY on DELIVERY_CHANNEL (from any gateway process on the same
 * database) into a wake of this process's worker. Nothing on SQLite. Returns the stop function.
 */
export async function relayDeliveryNotifications(opened: OpenedDatabase): Promise<() => Promise<void>> {
  if (opened.dialect !== 'postgres') return async () => undefined;
  return opened.listen(DELIVERY_CHANNEL, () => deliveryNotifier.emit(PENDING));
}
