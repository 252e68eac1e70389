import type { EventEmitter } from 'node:events';
import { PENDING } from '../webhooks/delivery-notifier.js';
import type { ClusterBus } from './bus.js';

// The delivery notifier across nodes: an event written on one node wakes the delivery workers
// of all of them, not only its own, so an idle node takes its share at once instead of at its
// next poll. The rows stay the truth (a worker claims a delivery with a conditional update);
// a lost wake costs at most one poll interval. Wakes are coalesced to one per `coalesceMs`.

export function relayDeliveryWakes(notifier: EventEmitter, bus: ClusterBus, coalesceMs = 50): () => void {
  let relaying = false;
  let scheduled: NodeJS.Timeout | null = null;
  const onLocal = () => {
    if (relaying || scheduled) return; // a wake heard from the bus is not sent back
    scheduled = setTimeout(() => {
      scheduled = null;
      bus.broadcast('deliveries.pending', null).catch(() => undefined);
    }, coalesceMs);
    scheduled.unref();
  };
  notifier.on(PENDING, onLocal);
  bus.onBroadcast('deliveries.pending', () => {
    relaying = true;
    try {
      notifier.emit(PENDING);
    } finally {
      relaying = false;
    }
  });
  return () => {
    notifier.off(PENDING, onLocal);
    if (scheduled) clearTimeout(scheduled);
  };
}
