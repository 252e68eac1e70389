import pg from 'pg';
import { testPostgresUrl } from './test-database.js';

// vitest.postgres.config.ts, after the run: drops the test schemas (`t<pid>_…`, test-database.ts)
// whose process is gone — left by a test that never closed its harness, or by a killed run.
// Schemas of processes still running (another run on the same database) are left alone.

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function teardown(): Promise<void> {
  const url = new URL(testPostgresUrl());
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]+_[0-9]+_[0-9a-f]+$'`);
    for (const { nspname } of rows) {
      const pid = Number(/^t(\d+)_/.exec(nspname)![1]);
      if (!isAlive(pid)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  } catch {
    // tidying only: a database that cannot be reached has nothing to tidy
  } finally {
    await client.end().catch(() => undefined);
  }
}
