import { type DependencyHealth, type HealthIndicator, type SqlClient, describeError } from '@casebook/platform';

/** The PostgreSQL database of the read models (server or embedded). */
export class DatabaseHealthIndicator implements HealthIndicator {
  readonly name = 'database';

  constructor(private readonly sql: SqlClient) {}

  async check(): Promise<DependencyHealth> {
    try {
      await this.sql.query('SELECT 1');
      return { status: 'up', engine: this.sql.engine };
    } catch (error) {
      return { status: 'down', engine: this.sql.engine, detail: describeError(error) };
    }
  }
}
