import { PostgresAdapter, type Kysely, type RawBuilder, sql } from 'kysely';

// Which SQL engine a Kysely instance (or transaction) talks to. Repositories that need SQL one
// engine lacks (FTS5 vs tsvector, json_extract vs jsonb operators, multi-argument min()) branch on
// this and keep both spellings side by side; everything else is written once with the query builder.

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export const isPostgres = (db: Kysely<any>): boolean => dialectOf(db) === 'postgres';

/** SQLite's LIKE ignores ASCII case; PostgreSQL's does not, ILIKE does. Use as `sql\`name ${likeOperator(db)} ${pattern}\``. */
export const likeOperator = (db: Kysely<any>) => sql.raw(isPostgres(db) ? 'ILIKE' : 'LIKE');

/** The smallest of several values: SQLite's multi-argument min(), PostgreSQL's LEAST. */
export const leastOf = (db: Kysely<any>, values: RawBuilder<unknown>[]) => sql`${sql.raw(isPostgres(db) ? 'LEAST' : 'min')}(${sql.join(values)})`;
