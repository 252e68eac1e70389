import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Kysely's SQLite driver calls `prepare` for every query it runs, and better-sqlite3 compiles
// the SQL again each time: on the turn path (the transcript insert, the minute charge) that was a
// third of the time spent in SQLite. The app issues a few hundred distinct statements, so the
// prepared ones are kept by their SQL text, the least recently used dropped past `limit`.
// A statement still iterating (a streamed query) is busy and cannot run again until it is done:
// then a fresh one is prepared for that call.

export function cachingDatabase(sqlite: SQLite.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Move to the newest end: Map keeps insertion order.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (hit) return stmt;
      cache.set(sql, stmt);
      if (cache.size > limit) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}
