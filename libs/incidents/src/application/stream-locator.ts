import type { SqlClient } from '@casebook/platform';

/**
 * `POST /device-custody/{custodyId}/return` and parent notifications about a custody or an account action
 * name only that id, while the events live on `pupil-conduct-<pupilId>`. The locator remembers the stream.
 *
 * It is written *before* the append and is only a hint: the stream stays the truth. A row whose append was
 * refused points at a stream without that id, and the decider answers "not found" (decisions.md #21).
 */
export class StreamLocator {
  constructor(private readonly sql: SqlClient) {}

  async remember(entityId: string, streamId: string): Promise<void> {
    await this.sql.query('INSERT INTO stream_locator (entity_id, stream_id) VALUES ($1, $2) ON CONFLICT (entity_id) DO NOTHING', [entityId, streamId]);
  }

  async find(entityId: string): Promise<string | null> {
    const [row] = await this.sql.query<{ stream_id: string }>('SELECT stream_id FROM stream_locator WHERE entity_id = $1', [entityId]);
    return row?.stream_id ?? null;
  }
}
