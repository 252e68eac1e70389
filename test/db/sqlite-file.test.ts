import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/db/database.js';
import { cachingDatabase } from '../../src/db/sqlite-statement-cache.js';
import { eventually } from '../helpers/voice.js';

// The embedded SQLite file as a long-running server opens it: prepared statements kept between
// queries, and the WAL checkpointed by a worker thread instead of inside the app's commits.

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agentline-sqlite-'));
  dirs.push(dir);
  return join(dir, 'agentline.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite statement cache', () => {
  it('prepares a statement once and runs it again with new parameters', () => {
    const raw = new SQLite(':memory:');
    raw.exec('CREATE TABLE t (n INTEGER)');
    let prepared = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((text: string) => {
      prepared++;
      return prepare(text);
    }) as typeof raw.prepare;
    const db = cachingDatabase(raw);
    for (let n = 0; n < 5; n++) db.prepare('INSERT INTO t (n) VALUES (?)').run([n]);
    expect(prepared).toBe(1);
    expect(db.prepare('SELECT sum(n) AS s FROM t').all([])).toEqual([{ s: 10 }]);
    db.close();
  });

  it('runs the same SQL while a streamed read of it is still open, and drops the oldest past its limit', () => {
    const raw = new SQLite(':memory:');
    raw.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const db = cachingDatabase(raw, 2);
    const select = 'SELECT n FROM t WHERE n >= ? ORDER BY n';
    const outer = db.prepare(select).iterate([1]);
    const seen: unknown[] = [];
    for (const row of outer) seen.push([row, db.prepare(select).all([3])]);
    expect(seen).toEqual([
      [{ n: 1 }, [{ n: 3 }]],
      [{ n: 2 }, [{ n: 3 }]],
      [{ n: 3 }, [{ n: 3 }]],
    ]);
    const first = db.prepare('SELECT 1 AS a');
    db.prepare('SELECT 2 AS a');
    db.prepare('SELECT 3 AS a');
    expect(db.prepare('SELECT 1 AS a')).not.toBe(first);
    db.close();
  });

  it('keeps working across a schema change (a migration between two runs of the same query)', async () => {
    const opened = await openDatabase(':memory:');
    await sql`CREATE TABLE t (a INTEGER)`.execute(opened.db);
    await sql`INSERT INTO t (a) VALUES (1)`.execute(opened.db);
    expect((await sql`SELECT * FROM t`.execute(opened.db)).rows).toEqual([{ a: 1 }]);
    await sql`ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 7`.execute(opened.db);
    expect((await sql`SELECT * FROM t`.execute(opened.db)).rows).toEqual([{ a: 1, b: 7 }]);
    await opened.close();
  });
});

describe('background checkpoints', () => {
  it('move the WAL into the database file from a worker while the app writes, and the file is whole after close', async () => {
    const path = tempFile();
    const opened = await openDatabase(path, { backgroundCheckpoints: true });
    await migrateToLatest(opened.db);
    await sql`CREATE TABLE bulk (n INTEGER, pad TEXT)`.execute(opened.db);
    // Once the worker is up the app's own connection stops checkpointing inside commits.
    await eventually(async () => opened.sqlite!.pragma('wal_autocheckpoint', { simple: true }) === 0);
    for (let i = 0; i < 300; i++) await sql`INSERT INTO bulk (n, pad) VALUES (${i}, ${'x'.repeat(2000)})`.execute(opened.db);
    const stats = await opened.checkpointer!.stats();
    expect(stats!.runs).toBeGreaterThan(0);
    expect(stats!.frames).toBeGreaterThan(100);
    await opened.close();
    // SQLite removes the WAL when the last connection closes cleanly; every row is in the file.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(statSync(path).size).toBeGreaterThan(300 * 2000);
    const again = new SQLite(path, { readonly: true });
    expect(again.prepare('SELECT count(*) AS c FROM bulk').get()).toEqual({ c: 300 });
    again.close();
  });

  it('hand checkpoints back to the app when the worker stops, and the app keeps writing', async () => {
    const path = tempFile();
    const opened = await openDatabase(path, { backgroundCheckpoints: true });
    await eventually(async () => opened.sqlite!.pragma('wal_autocheckpoint', { simple: true }) === 0);
    await opened.checkpointer!.stop();
    expect(await opened.checkpointer!.stats()).toBeNull();
    expect(opened.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(64);
    await sql`CREATE TABLE still_works (n INTEGER)`.execute(opened.db);
    await opened.close();
  });
});
