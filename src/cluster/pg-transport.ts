import pg from 'pg';
import type { BusLogger, Transport } from './bus.js';

// The bus over PostgreSQL LISTEN/NOTIFY. LISTEN needs one connection of its own for as long as
// the node runs (a pooled one goes back to the pool and stops hearing), so this transport keeps
// a dedicated client, reconnects it with backoff when it drops, and LISTENs again on every
// channel. A NOTIFY payload is at most 8000 bytes: the bus only carries small control messages.
// The same session holds the sweeps' advisory locks (advisory-locks.ts): a node that dies loses
// its connection and with it its locks.

/** The app's `?schema=` is not a PostgreSQL parameter; this session needs no search_path. */
function withoutSchema(connectionString: string): string {
  const url = new URL(connectionString);
  url.searchParams.delete('schema');
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class PgTransport implements Transport {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly channels = new Set<string>();
  private handler: (channel: string, payload: string) => void = () => {};
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private backoffMs = 250;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Bumped on every new session: advisory locks taken in an older one are gone. */
  generation = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log: BusLogger,
    private readonly connectTimeoutMs = 5_000,
  ) {}

  onMessage(handler: (channel: string, payload: string) => void): void {
    this.handler = handler;
  }

  async listen(channel: string): Promise<void> {
    this.channels.add(channel);
    await this.query(`LISTEN ${quoteIdent(channel)}`, []);
  }

  async publish(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /** A query on the dedicated session (advisory locks must stay on one connection), one at a time. */
  query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    const run = this.queue.then(async () => (await this.connected()).query<R>(text, values));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('the PostgreSQL bus is closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: withoutSchema(this.connectionString), connectionTimeoutMillis: this.connectTimeoutMs, application_name: 'agentline-cluster-bus' });
    client.on('notification', (n) => {
      try {
        if (n.payload !== undefined) this.handler(n.channel, n.payload);
      } catch (err) {
        this.log.error({ err }, 'cluster bus message handler failed');
      }
    });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      if (this.closed) return;
      this.log.warn({ err }, 'cluster bus lost its PostgreSQL connection; reconnecting');
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${quoteIdent(channel)}`);
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('the PostgreSQL bus is closed');
    }
    this.client = client;
    this.generation++;
    this.backoffMs = 250;
    return client;
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.closed) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 5_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connected().catch((err: unknown) => {
        this.log.warn({ err }, 'cluster bus could not reconnect to PostgreSQL');
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }
}
