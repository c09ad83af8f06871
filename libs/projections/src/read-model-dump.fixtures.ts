import type { SqlClient } from '@casebook/platform';
import { ReadModelCatalog } from './runtime/read-model-catalog';

/**
 * Every row of every table of one version of a read model, as sorted JSON text per table: two versions (or two
 * runs) built from the same history must dump equal. Schema names are left out, so versions compare.
 */
export async function dumpReadModel(sql: SqlClient, name: string, version: number): Promise<Record<string, string[]>> {
  const schema = ReadModelCatalog.schemaOf(name, version);
  const tables = await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [
    schema,
  ]);
  const dump: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${schema}"."${table}" t ORDER BY 1`);
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}
