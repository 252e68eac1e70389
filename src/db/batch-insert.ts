import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { dialectOf } from './dialect.js';
import type { Executor } from './database.js';

// A multi-row INSERT for rows written often, in batches of any size (a call's transcript turns).
// Building and compiling a Kysely query allocates a node per value, and these are written on
// every turn of every call; so the SQL is compiled once per dialect, table and batch size, and a
// batch runs as statements of 64, 32, ... 1 rows with the values bound in column order. At most
// seven statements per table, so they stay in the SQLite statement cache. The SQL is Kysely's
// own for `insertInto(table).values(rows)` of that many rows, compiled with every column given.

const SIZES = [64, 32, 16, 8, 4, 2, 1];
/** Per column list (a constant of its repository): dialect, table and size → SQL. */
const compiled = new WeakMap<readonly string[], Map<string, string>>();

/** The SQL for `size` rows, by dialect and table, compiled on first use. */
function sqlFor<T extends keyof Database & string>(db: Executor, table: T, columns: readonly (keyof Database[T] & string)[]): (size: number) => string {
  let known = compiled.get(columns);
  if (!known) compiled.set(columns, (known = new Map()));
  const shape = `${dialectOf(db as Kysely<Database>)} ${table} `;
  return (size) => {
    let text = known.get(shape + size);
    if (text === undefined) {
      const row = Object.fromEntries(columns.map((c) => [c, null]));
      text = (db as Kysely<any>).insertInto(table).values(Array.from({ length: size }, () => row)).compile().sql;
      known.set(shape + size, text);
    }
    return text;
  };
}

/** Inserts `rows` (each with every one of `columns`); one transaction when it takes several statements. */
export async function insertBatch<T extends keyof Database & string>(
  db: Executor,
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  rows: readonly Database[T][],
): Promise<void> {
  if (rows.length === 0) return;
  const statements: CompiledQuery[] = [];
  const insertSql = sqlFor(db, table, columns);
  let at = 0;
  for (const size of SIZES) {
    while (rows.length - at >= size) {
      const params: unknown[] = new Array(size * columns.length);
      let p = 0;
      for (let r = at; r < at + size; r++) {
        const row = rows[r] as unknown as Record<string, unknown>;
        for (const c of columns) params[p++] = row[c] ?? null;
      }
      statements.push(CompiledQuery.raw(insertSql(size), params));
      at += size;
    }
  }
  if (statements.length === 1 || db.isTransaction) {
    for (const s of statements) await db.executeQuery(s);
    return;
  }
  await (db as Kysely<Database>).transaction().execute(async (trx) => {
    for (const s of statements) await trx.executeQuery(s);
  });
}
