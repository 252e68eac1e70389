import { Redis } from 'ioredis';
import type { BusLogger, Transport } from './bus.js';

// The bus over Redis pub/sub, when AGENTLINE_REDIS_URL is set: NOTIFY fan-out and the LISTEN
// connection leave PostgreSQL. A subscribed Redis connection can do nothing else, so there are
// two: one subscribes, one publishes. ioredis reconnects both and subscribes again by itself.

export class RedisTransport implements Transport {
  private readonly sub: Redis;
  private readonly pub: Redis;

  constructor(url: string, log: BusLogger, commandTimeoutMs = 2_000) {
    const options = { lazyConnect: false, maxRetriesPerRequest: 2, commandTimeout: commandTimeoutMs, enableOfflineQueue: true };
    this.sub = new Redis(url, options);
    this.pub = new Redis(url, options);
    for (const c of [this.sub, this.pub]) c.on('error', (err: unknown) => log.warn({ err }, 'cluster bus Redis connection error'));
  }

  onMessage(handler: (channel: string, payload: string) => void): void {
    this.sub.on('message', (channel: string, payload: string) => handler(channel, payload));
  }

  async listen(channel: string): Promise<void> {
    await this.sub.subscribe(channel);
  }

  async publish(channel: string, payload: string): Promise<void> {
    await this.pub.publish(channel, payload);
  }

  /** The publishing connection, for the shared rate-limit counters. */
  get commands(): Redis {
    return this.pub;
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
