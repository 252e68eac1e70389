import { PostgresAdapter, type Kysely } from 'kysely';

// Which SQL engine a Kysely instance (or transaction) talks to. Repositories that need SQL one
// engine lacks (FTS5 vs tsvector, json_extract vs jsonb operators, multi-argument min()) branch on
// this and keep both spellings side by side; everything else is written once with the query builder.

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: Kysely<any>): boolean => dialectOf(db) === 'postgres';
