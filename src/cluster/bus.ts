import { createHash, randomUUID } from 'node:crypto';

// The nodes of a cluster talk through one small bus: each node listens on its own channel
// (requests addressed to it, and the replies to its own requests) and on one broadcast channel.
// Two transports carry it: PostgreSQL LISTEN/NOTIFY (pg-transport.ts, the default: nothing more
// to run) and Redis pub/sub (redis-transport.ts, when AGENTLINE_REDIS_URL is set). Both deliver
// at most once and only to listeners connected at the time, so every request has a bounded
// timeout and its caller decides what no answer means; nothing durable travels on the bus (the
// rows are the truth, the bus only says "look now" or "act on this live socket").

/** A pub/sub pipe: strings on named channels. */
export interface Transport {
  publish(channel: string, payload: string): Promise<void>;
  /** Starts delivering the channel's messages to `onMessage` (one handler per transport). */
  listen(channel: string): Promise<void>;
  onMessage(handler: (channel: string, payload: string) => void): void;
  close(): Promise<void>;
}

/** Why a request got no answer: the message could not be sent, or nobody answered in time. */
export class BusTimeoutError extends Error {
  constructor(
    readonly nodeId: string,
    readonly kind: string,
    readonly reason: 'timeout' | 'unreachable',
  ) {
    super(reason === 'timeout' ? `node ${nodeId} did not answer ${kind} in time` : `node ${nodeId} could not be reached for ${kind}`);
  }
}

/** The owner ran the request and it threw: its message, never its stack. */
export class BusRemoteError extends Error {
  constructor(
    readonly nodeId: string,
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

type Envelope =
  | { t: 'req'; id: string; from: string; kind: string; body: unknown }
  | { t: 'res'; id: string; from: string; ok: true; body: unknown }
  | { t: 'res'; id: string; from: string; ok: false; error: string }
  | { t: 'cast'; from: string; topic: string; body: unknown };

export type RequestHandler = (body: any, from: string) => Promise<unknown> | unknown;
export type BroadcastHandler = (body: any, from: string) => void;

export interface BusLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Channel names both transports accept (PostgreSQL identifiers: ≤ 63 bytes, quoted). NOTIFY
 * reaches every session of the database, so `namespace` (the schema the tables live in) keeps
 * two clusters on one database apart.
 */
export const nodeChannel = (namespace: string, nodeId: string) => fitChannel(`al_${namespace}_n_${nodeId}`);
export const broadcastChannel = (namespace: string) => fitChannel(`al_${namespace}_all`);
/** A name past 63 bytes becomes its hash: cutting it could make two nodes' channels one. */
const fitChannel = (name: string) => (Buffer.byteLength(name) <= 63 ? name : `al_${createHash('sha256').update(name).digest('hex').slice(0, 40)}`);

export class ClusterBus {
  private readonly pending = new Map<string, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout; nodeId: string; kind: string }>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly casts = new Map<string, BroadcastHandler[]>();
  private closed = false;

  constructor(
    readonly nodeId: string,
    private readonly transport: Transport,
    private readonly log: BusLogger,
    private readonly namespace = 'public',
  ) {
    transport.onMessage((channel, payload) => this.receive(channel, payload));
  }

  async start(): Promise<void> {
    await this.transport.listen(nodeChannel(this.namespace, this.nodeId));
    await this.transport.listen(broadcastChannel(this.namespace));
  }

  /** Answers requests of `kind` addressed to this node. */
  handle(kind: string, handler: RequestHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Hears broadcasts of `topic` from the other nodes (never this node's own). */
  onBroadcast(topic: string, handler: BroadcastHandler): void {
    this.casts.set(topic, [...(this.casts.get(topic) ?? []), handler]);
  }

  /** Asks node `nodeId` and waits for its answer, at most `timeoutMs`. */
  request<T = unknown>(nodeId: string, kind: string, body: unknown, timeoutMs: number): Promise<T> {
    const id = randomUUID();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BusTimeoutError(nodeId, kind, 'timeout'));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, nodeId, kind });
      this.send(nodeChannel(this.namespace, nodeId), { t: 'req', id, from: this.nodeId, kind, body }).catch(() => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        reject(new BusTimeoutError(nodeId, kind, 'unreachable'));
      });
    });
  }

  /** Tells every other node; best effort (a node that is reconnecting misses it). */
  async broadcast(topic: string, body: unknown): Promise<void> {
    await this.send(broadcastChannel(this.namespace), { t: 'cast', from: this.nodeId, topic, body });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new BusTimeoutError(p.nodeId, p.kind, 'unreachable'));
      this.pending.delete(id);
    }
    await this.transport.close();
  }

  private async send(channel: string, envelope: Envelope): Promise<void> {
    if (this.closed) throw new Error('the cluster bus is closed');
    await this.transport.publish(channel, JSON.stringify(envelope));
  }

  private receive(_channel: string, payload: string): void {
    // A malformed or unexpected message is logged and dropped: nothing on the bus may stop a node.
    let m: Envelope;
    try {
      m = JSON.parse(payload) as Envelope;
    } catch (err) {
      this.log.warn({ err }, 'dropped a malformed cluster bus message');
      return;
    }
    if (!m || typeof m !== 'object' || typeof m.from !== 'string') return;
    if (m.t === 'res') {
      const p = this.pending.get(m.id);
      if (!p) return; // answered after the timeout: the caller has moved on
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.body);
      else p.reject(new BusRemoteError(m.from, p.kind, m.error));
      return;
    }
    if (m.t === 'cast') {
      if (m.from === this.nodeId) return;
      for (const h of this.casts.get(m.topic) ?? []) {
        try {
          h(m.body, m.from);
        } catch (err) {
          this.log.error({ err, topic: m.topic }, 'a cluster broadcast handler failed');
        }
      }
      return;
    }
    if (m.t === 'req') void this.answer(m);
  }

  private async answer(m: Extract<Envelope, { t: 'req' }>): Promise<void> {
    const handler = this.handlers.get(m.kind);
    let reply: Envelope;
    try {
      if (!handler) throw new Error(`no handler for ${m.kind}`);
      reply = { t: 'res', id: m.id, from: this.nodeId, ok: true, body: (await handler(m.body, m.from)) ?? null };
    } catch (err) {
      this.log.error({ err, kind: m.kind, from: m.from }, 'a cluster request failed on this node');
      reply = { t: 'res', id: m.id, from: this.nodeId, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    await this.send(nodeChannel(this.namespace, m.from), reply).catch((err: unknown) => this.log.warn({ err, kind: m.kind }, 'could not answer a cluster request'));
  }
}
