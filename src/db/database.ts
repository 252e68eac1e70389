import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import { PostgresColumnTypes } from './postgres-column-types.js';
import type { Database } from './schema.js';
import { type Dialect, isPostgres } from './dialect.js';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.js';
import { withScopedIntrospection } from './scoped-introspection.js';
import { cachingDatabase } from './sqlite-statement-cache.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Trx;

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /** The SQLite handle; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  /** The PostgreSQL pool; null on SQLite. */
  pool: pg.Pool | null;
  /** SQLite opened with `backgroundCheckpoints`: the worker thread that checkpoints the WAL. */
  checkpointer?: Checkpointer | null;
  /** PostgreSQL only: runs `handler` on every NOTIFY on `channel` until the returned stop is called. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL: connections in the pool (AGENTLINE_DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** PostgreSQL: the schema the tables live in (created when missing); overrides `?schema=` in the URL. */
  schema?: string;
  /** PostgreSQL: session settings for every pooled connection (`SET name = value`), e.g. tests' synchronous_commit=off. */
  settings?: Record<string, string>;
  /** SQLite file: checkpoint the WAL from a worker thread instead of inside commits (long-running servers). */
  backgroundCheckpoints?: boolean;
}

/** Where the config says the database is: the PostgreSQL URL when set, else the SQLite file. */
export const databaseLocation = (config: { dbPath: string; databaseUrl?: string | null }): string => config.databaseUrl ?? config.dbPath;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The location without its password, for logs and messages. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Opens the database at `location`: a `postgres://` URL (a pool) or a SQLite file path
 * (`:memory:` for a throwaway one).
 */
export async function openDatabase(location: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  return isPostgresUrl(location) ? openPostgres(location, opts) : openSqlite(location, opts);
}

function openSqlite(path: string, opts: OpenOptions): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // The CLI and the server may share the file; wait for the other writer instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run synchronously inside a commit and block the event loop while they copy
  // pages; many small ones (≤ 64 pages) keep each pause short on a live call's token path.
  // A server moves them to a worker thread (sqlite-checkpointer.ts).
  sqlite.pragma('wal_autocheckpoint = 64');
  const checkpointer = opts.backgroundCheckpoints && path !== ':memory:' ? startCheckpointer(sqlite, path) : null;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    pool: null,
    checkpointer,
    async listen() {
      throw new Error('LISTEN/NOTIFY needs PostgreSQL');
    },
    close: once(async () => {
      await checkpointer?.stop();
      await db.destroy();
    }),
  };
}

/** close() may be called twice (a test restarting the app, then its harness closing). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

// Counts and sums come back from PostgreSQL as int8/numeric, which pg hands over as strings;
// every one the app reads fits a double, so they become numbers as on SQLite. Timestamps stay the
// text the app stores (its columns are text; a timestamp function's result is not reparsed).
const INT8 = 20;
const NUMERIC = 1700;
const TEXT_KEPT = new Set([1082 /* date */, 1114 /* timestamp */, 1184 /* timestamptz */]);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (TEXT_KEPT.has(oid)) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function openPostgres(location: string, opts: OpenOptions): Promise<OpenedDatabase> {
  const url = new URL(location);
  const schema = opts.schema ?? url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}" (lowercase letters, digits and _)`);
  const connectionString = url.toString();
  const settings = { ...opts.settings, ...(schema ? { search_path: schema } : {}) };
  for (const [name, value] of Object.entries(settings)) {
    if (!/^[a-z_.]+$/.test(name) || !/^[\w.-]+$/.test(value)) throw new Error(`invalid PostgreSQL setting ${name}=${value}`);
  }
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  const clientConfig: pg.ClientConfig = {
    connectionString,
    types,
    ...(options ? { options } : {}),
    connectionTimeoutMillis: 10_000,
  };
  if (schema) {
    // The schema must exist before a pooled connection's search_path can point at it.
    const admin = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({ ...clientConfig, max: opts.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (server restart) must not crash the process; the pool
  // drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<pg.Client>();
  return {
    db,
    dialect: 'postgres',
    sqlite: null,
    pool,
    async listen(channel, handler) {
      const client = new pg.Client(clientConfig);
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel !== channel) return;
        try {
          handler(msg.payload ?? '');
        } catch {
          // a listener's failure is its own; the connection keeps listening
        }
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      listeners.add(client);
      return async () => {
        if (!listeners.delete(client)) return;
        await client.end().catch(() => undefined);
      };
    },
    close: once(async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      listeners.clear();
      await db.destroy();
    }),
  };
}

/** Drops a schema made by `openDatabase(url, { schema })` (tests: one schema per harness). */
export async function dropSchema(location: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const url = new URL(location);
  url.searchParams.delete('schema');
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // On PostgreSQL the shipped migrations' `integer` columns become bigint (and `real` double
  // precision): see postgres-column-types.ts. SQLite runs them exactly as written.
  const postgres = isPostgres(db);
  const target = postgres ? db.withPlugin(new PostgresColumnTypes()) : db;
  // Kysely looks its bookkeeping tables up in every schema unless told which: name ours, so a
  // database holding other Agentline schemas (one per test) keeps each one's migrations apart.
  const schema = postgres ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s : undefined;
  // Its own bookkeeping tables are looked up in our schema only (scoped-introspection.ts): Kysely's
  // own lookup scans every schema of the database and fails when another tenant drops one meanwhile.
  const migrator = new Migrator({ db: schema ? withScopedIntrospection(target, schema) : target, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
