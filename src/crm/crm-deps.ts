import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';

/** What every CRM, support, task and activity service gets. */
export interface CrmDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}
