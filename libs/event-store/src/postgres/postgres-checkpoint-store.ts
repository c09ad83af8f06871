import type { SqlClient } from '@casebook/platform';
import type { CheckpointStore } from '../subscription/checkpoint-store';

/** Checkpoints of store-managed subscriptions, in es_checkpoints beside the events. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(private readonly sql: SqlClient) {}

  async load(name: string): Promise<number | undefined> {
    const rows = await this.sql.query<{ position: string | number }>(
      'SELECT position FROM es_checkpoints WHERE subscription_name = $1',
      [name],
    );
    return rows[0] ? Number(rows[0].position) : undefined;
  }

  async save(name: string, position: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO es_checkpoints (subscription_name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (subscription_name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [name, position],
    );
  }
}
