import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from '../../src/db/batch-insert.js';
import { migrateToLatest } from '../../src/db/database.js';
import type { CarrierCallbacksTable } from '../../src/db/schema.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

// Rows written on every turn (transcripts) go in through insertBatch: SQL compiled once per batch
// size. Whatever the batch size, every row lands exactly once, with its values, and a batch that
// fails part-way writes nothing. Runs on SQLite and (in the PostgreSQL list) on PostgreSQL.

const COLUMNS = ['carrier_sid', 'sequence_number', 'status', 'received_at'] as const;
let dir: string;
let test: TestDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-batch-'));
  test = await openTestDatabase(join(dir, 'db.sqlite'));
  await migrateToLatest(test.opened.db);
});
afterAll(async () => {
  await test.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (sid: string, n: number): CarrierCallbacksTable[] =>
  Array.from({ length: n }, (_, i) => ({ carrier_sid: sid, sequence_number: String(i), status: i % 2 ? 'ringing' : 'in-progress', received_at: `2026-12-01T00:00:${String(i % 60).padStart(2, '0')}Z` }));

const stored = (sid: string) =>
  test.opened.db.selectFrom('carrier_callbacks').selectAll().where('carrier_sid', '=', sid).execute()
    .then((r) => r.sort((a, b) => Number(a.sequence_number) - Number(b.sequence_number)));

describe('insertBatch', () => {
  it('stores every row of a batch of any size once, with its values', async () => {
    for (const n of [0, 1, 2, 7, 64, 65, 130]) {
      const sid = `CA_batch_${n}`;
      await insertBatch(test.opened.db, 'carrier_callbacks', COLUMNS, rows(sid, n));
      expect(await stored(sid)).toEqual(rows(sid, n));
    }
  });

  it('writes nothing of a batch that fails part-way', async () => {
    const batch = rows('CA_fails', 70); // statements of 64, 4 and 2 rows
    batch[69] = { ...batch[0]! }; // a duplicate key in the last statement
    await expect(insertBatch(test.opened.db, 'carrier_callbacks', COLUMNS, batch)).rejects.toThrow();
    expect(await stored('CA_fails')).toEqual([]);
  });
});
