import type { DatabaseConfig } from '../config/app-config';
import { PgSqlClient } from './pg-sql-client';
import { PgliteSqlClient } from './pglite-sql-client';
import type { SqlClient } from './sql-client';

/** The PostgreSQL server when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR. */
export async function openSqlClient(config: DatabaseConfig, applicationName = 'casebook'): Promise<SqlClient> {
  if (config.kind === 'postgres') {
    return new PgSqlClient({ connectionString: config.url, poolSize: config.poolSize, applicationName });
  }
  return PgliteSqlClient.open(config.dataDir, applicationName);
}
