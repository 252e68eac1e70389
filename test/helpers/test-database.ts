import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { dropSchema, type OpenedDatabase, openDatabase } from '../../src/db/database.js';

// Which database the tests run on. SQLite (a file in the test's temp folder) by default; with
// AGENTLINE_TEST_DATABASE=postgres, the PostgreSQL at AGENTLINE_TEST_DATABASE_URL (default: the
// machine's, postgres@127.0.0.1:5432/test), one schema per open harness so parallel workers
// never share tables, emptied when the harness closes and dropped at the end of the test file.

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

// Migrating a fresh schema costs seconds on a busy machine, and most test files open a harness
// per test: a closed harness's schema is emptied (TRUNCATE) and handed to the next harness of the
// same process, and every schema left at the end of a test file is dropped (postgres-setup.ts).
const idle: string[] = [];

export async function openTestDatabase(sqlitePath: string, env: Record<string, string> = {}): Promise<TestDatabase> {
  if (!testOnPostgres() || env.AGENTLINE_DB !== undefined || env.AGENTLINE_DATABASE_URL !== undefined) {
    const location = env.AGENTLINE_DATABASE_URL ?? env.AGENTLINE_DB ?? sqlitePath;
    const opened = await openDatabase(location);
    return { opened, env: {}, close: () => opened.close() };
  }
  const url = testPostgresUrl();
  const schema = idle.pop() ?? freshSchemaName();
  // A test's data need not survive a crash of the server: commits skip the WAL flush wait.
  const opened = await openDatabase(url, { schema, poolSize: 5, settings: { synchronous_commit: 'off' } });
  const sep = url.includes('?') ? '&' : '?';
  // Closed once: a test closing its harness twice must not drop (or re-offer) a schema that
  // another harness has taken meanwhile.
  let closing: Promise<void> | undefined;
  return {
    opened,
    env: { AGENTLINE_DATABASE_URL: `${url}${sep}schema=${schema}` },
    close: () => (closing ??= release()),
  };
  async function release(): Promise<void> {
    let reusable = false;
    try {
      const { rows } = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely_%'`.execute(opened.db);
      if (rows.length > 0) {
        await sql`TRUNCATE ${sql.join(rows.map((r) => sql.id(r.t)))} RESTART IDENTITY CASCADE`.execute(opened.db);
        reusable = true;
      }
    } catch {
      reusable = false; // e.g. the test closed the database itself: drop the schema instead
    }
    await opened.close();
    if (reusable) idle.push(schema);
    else await dropSchema(url, schema);
  }
}

/** Drops the emptied schemas this process keeps for reuse (after each test file). */
export async function dropIdleSchemas(): Promise<void> {
  if (!testOnPostgres()) return;
  const url = testPostgresUrl();
  await Promise.all(idle.splice(0).map((schema) => dropSchema(url, schema)));
}
