import { EventEmitter } from 'node:events';

// emitEvent tells the in-process delivery worker that new deliveries exist, so they go out at
// once instead of at the next poll. Nothing listens when no worker runs (the CLI, most tests),
// and emitting to no listener is a no-op. The worker also polls, so a missed wake costs at most
// one poll interval: the rows, not this signal, are the source of truth.

export const PENDING = 'pending';

export const deliveryNotifier = new EventEmitter();
// Every app built in one process (tests build many) subscribes its own worker.
deliveryNotifier.setMaxListeners(0);
