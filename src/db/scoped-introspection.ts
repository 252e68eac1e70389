import { type DatabaseIntrospector, type DatabaseMetadata, type Kysely, sql, type TableMetadata } from 'kysely';

// Kysely's migrator finds its own bookkeeping tables through `db.introspection`, and PostgreSQL's
// introspector lists the columns of every table in every schema of the database. A database shared
// with other tenants (other Agentline schemas, one per test process; other apps) changes under that
// scan: a schema, table or column dropped meanwhile fails the scan ("schema … does not exist",
// "relation … does not exist", "column … does not exist") although our own schema is fine. The
// migrator needs only which schemas exist and which tables are in ours, so it gets an introspector
// that asks exactly that: names from the catalog, no columns, nothing outside `schema`.

function scopedIntrospector(db: Kysely<any>, schema: string): DatabaseIntrospector {
  const getTables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string; kind: string }>`
      SELECT c.relname AS name, c.relkind AS kind FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(db);
    return rows.map((r) => ({ name: r.name, schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
  };
  return {
    async getSchemas() {
      const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace`.execute(db);
      return rows;
    },
    getTables,
    async getMetadata(): Promise<DatabaseMetadata> {
      return { tables: await getTables() };
    },
  };
}

/** `db` for the migrator: the same database, with introspection limited to `schema` (see above). */
export function withScopedIntrospection<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection = scopedIntrospector(db as Kysely<any>, schema);
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value = Reflect.get(target, prop, target) as unknown;
      // Methods run on the real instance: Kysely keeps its state in private fields.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
