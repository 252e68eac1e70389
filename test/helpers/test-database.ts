import { randomBytes } from 'node:crypto';
import { dropSchema, type OpenedDatabase, openDatabase } from '../../src/db/database.js';

// Which database the tests run on. SQLite (a file in the test's temp folder) by default; with
// AGENTLINE_TEST_DATABASE=postgres, the PostgreSQL at AGENTLINE_TEST_DATABASE_URL (default: the
// machine's, postgres@127.0.0.1:5432/test), one schema per harness so parallel workers never
// share tables, dropped when the harness closes.

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const testOnPostgres = (): boolean => process.env.AGENTLINE_TEST_DATABASE === 'postgres';

export const testPostgresUrl = (): string => process.env.AGENTLINE_TEST_DATABASE_URL ?? DEFAULT_TEST_POSTGRES_URL;

let counter = 0;

/** A fresh, unique schema name: the worker's pid, a counter and a random tail. */
export const freshSchemaName = (): string => `t${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;

export interface TestDatabase {
  opened: OpenedDatabase;
  /** Environment that points a config (or a child process) at this same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function openTestDatabase(sqlitePath: string, env: Record<string, string> = {}): Promise<TestDatabase> {
  if (!testOnPostgres() || env.AGENTLINE_DB !== undefined || env.AGENTLINE_DATABASE_URL !== undefined) {
    const location = env.AGENTLINE_DATABASE_URL ?? env.AGENTLINE_DB ?? sqlitePath;
    const opened = await openDatabase(location);
    return { opened, env: {}, close: () => opened.close() };
  }
  const url = testPostgresUrl();
  const schema = freshSchemaName();
  // A test's data need not survive a crash of the server: commits skip the WAL flush wait.
  const opened = await openDatabase(url, { schema, poolSize: 5, settings: { synchronous_commit: 'off' } });
  const sep = url.includes('?') ? '&' : '?';
  return {
    opened,
    env: { AGENTLINE_DATABASE_URL: `${url}${sep}schema=${schema}` },
    async close() {
      await opened.close();
      await dropSchema(url, schema);
    },
  };
}
