import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Carrier } from './carriers/carrier.js';
import { SimCarrier } from './carriers/sim/sim-carrier.js';
import { TwilioCarrier } from './carriers/twilio/twilio-carrier.js';
import { createTwilioClient } from './carriers/twilio/twilio-client.js';
import { type OpenedDatabase, databaseLocation, migrateToLatest, openDatabase } from './db/database.js';
import type { Mode } from './db/schema.js';
import { findActiveByPhone } from './numbers/number-repository.js';
import { relayDeliveryNotifications } from './webhooks/delivery-notifier.js';
import { TwilioDialer } from './carriers/twilio/twilio-dialer.js';
import type { Dialer } from './calls/dialer.js';
import { type SmsSender, TwilioSmsSender } from './sms/sms-sender.js';

// Wiring shared by the server and the CLI: one database, its migrations, the carriers.

export function createLogger(config: Config): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.key', '*.webhook_token', '*.auth_token'], censor: '[redacted]' },
  }) as unknown as FastifyBaseLogger;
}

export async function openMigrated(config: Config): Promise<OpenedDatabase> {
  const opened = await openDatabase(databaseLocation(config), { poolSize: config.databasePoolSize, backgroundCheckpoints: true });
  await migrateToLatest(opened.db);
  // PostgreSQL: wake this process's webhook worker on every committed delivery (closed with the database).
  await relayDeliveryNotifications(opened);
  return opened;
}

export function createCarriers(config: Config, opened: OpenedDatabase): { carriers: Record<Mode, Carrier>; liveDialer: Dialer; liveSmsSender: SmsSender } {
  const twilio = createTwilioClient(config);
  return {
    carriers: {
      test: new SimCarrier(async (phone) => (await findActiveByPhone(opened.db, 'test', phone)) !== undefined),
      live: new TwilioCarrier(twilio),
    },
    liveDialer: new TwilioDialer(twilio, config.publicUrl),
    liveSmsSender: new TwilioSmsSender(twilio, config.publicUrl),
  };
}

export const defaultClock: Clock = systemClock;
