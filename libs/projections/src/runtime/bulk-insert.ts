import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** SQL types of the entity columns the read models use, as unnest() needs them. */
const ARRAY_TYPES: Readonly<Record<string, string>> = {
  text: 'text[]',
  integer: 'integer[]',
  bigint: 'bigint[]',
  boolean: 'boolean[]',
  timestamptz: 'timestamptz[]',
  jsonb: 'jsonb[]',
};

/**
 * Inserts many rows of a TypeORM entity in one statement whose size does not grow with the rows:
 * `INSERT … SELECT * FROM unnest($1::text[], $2::bigint[], …)`, one array parameter per column, taken from the
 * entity's metadata. A rebuild writes thousands of rows per batch; building a VALUES list with a parameter per
 * cell cost more CPU than the database spent on the rows (measured in bench:projections, decisions.md #27).
 */
export async function bulkInsert<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Entity[],
  options: { readonly ignoreConflicts?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns;
  const types = columns.map((column) => {
    const type = ARRAY_TYPES[String(column.type)];
    if (!type || column.isArray) throw new Error(`bulkInsert: column ${metadata.tableName}.${column.databaseName} (${String(column.type)}) is not supported`);
    return type;
  });
  const values = columns.map((column) =>
    rows.map((row) => {
      const value: unknown = row[column.propertyName as keyof Entity];
      if (value === null || value === undefined) return null;
      if (column.type === 'jsonb') return JSON.stringify(value);
      if (value instanceof Date) return value.toISOString();
      return value;
    }),
  );
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  await manager.query(
    `INSERT INTO ${table} (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
     SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}`).join(', ')})${options.ignoreConflicts ? ' ON CONFLICT DO NOTHING' : ''}`,
    values,
  );
}
