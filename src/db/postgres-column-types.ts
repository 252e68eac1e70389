import {
  type ColumnDefinitionNode,
  type DataTypeNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

// The migrations are written once, in the types both engines know. On PostgreSQL `integer` is
// 32-bit, and money, sizes and counters can pass 2^31, so every `integer` column becomes `bigint`
// (read back as a JS number by the pool's type parser); `real` (4 bytes there) becomes
// `double precision` as SQLite's REAL is; an auto-increment key becomes an identity column.
// Applied to migrations only (migrateToLatest), never to the app's queries.

class ColumnTypes extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    if (node.dataType === 'integer') return { ...node, dataType: 'bigint' };
    if (node.dataType === 'real') return { ...node, dataType: 'double precision' };
    return node;
  }

  protected override transformColumnDefinition(node: ColumnDefinitionNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): ColumnDefinitionNode {
    const next = super.transformColumnDefinition(node, queryId);
    if (!next.autoIncrement) return next;
    return { ...next, autoIncrement: undefined, generated: { kind: 'GeneratedNode', identity: true, byDefault: true } };
  }
}

export class PostgresColumnTypes implements KyselyPlugin {
  readonly #transformer = new ColumnTypes();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
