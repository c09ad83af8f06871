import type { RecordedEvent } from '@casebook/event-store';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../runtime/projection';
import { dataOf } from '../shared/event-facts';

/**
 * The consent registers (E4, R1, R2): each pupil's latest decision per purpose (mailbox, website publication),
 * from which the list of pupils who did not consent to publication is read; and each school's recording permissions.
 */
export const consentsProjection: Projection = {
  name: 'consents',
  categories: ['pupil-consent', 'school-consent'],
  entities: [],
  ddl: (schema) => `
CREATE TABLE ${schema}.pupil_consents (
  pupil_id text NOT NULL, purpose text NOT NULL, school_id text NOT NULL, status text NOT NULL, given_by text NOT NULL,
  document_sha256 text, changed_at timestamptz NOT NULL, position bigint NOT NULL, PRIMARY KEY (pupil_id, purpose)
);
CREATE INDEX ON ${schema}.pupil_consents (school_id, purpose, status);
CREATE TABLE ${schema}.recording_permissions (
  permission_id text PRIMARY KEY, school_id text NOT NULL, what text NOT NULL, granted_to text NOT NULL,
  valid_from date NOT NULL, valid_until date, document_sha256 text NOT NULL, granted_by text NOT NULL, granted_at timestamptz NOT NULL
);
CREATE INDEX ON ${schema}.recording_permissions (school_id, valid_from);`,
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const schema = `"${manager.connection.driver.schema ?? 'public'}"`;
    for (const event of events) {
      const data = dataOf(event);
      switch (event.type) {
        case 'ConsentGiven':
        case 'ConsentRefused':
        case 'ConsentWithdrawn': {
          const status = event.type === 'ConsentGiven' ? 'given' : event.type === 'ConsentRefused' ? 'refused' : 'withdrawn';
          await manager.query(
            `INSERT INTO ${schema}.pupil_consents VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (pupil_id, purpose) DO UPDATE SET school_id = excluded.school_id, status = excluded.status, given_by = excluded.given_by,
               document_sha256 = excluded.document_sha256, changed_at = excluded.changed_at, position = excluded.position`,
            [data['pupilId'], data['purpose'], data['schoolId'], status, data['givenBy'], data['documentSha256'] ?? null, event.metadata.recordedAt, event.globalPosition],
          );
          break;
        }
        case 'RecordingPermissionGranted':
          await manager.query(`INSERT INTO ${schema}.recording_permissions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`, [
            data['permissionId'], data['schoolId'], data['what'], data['grantedTo'], data['validFrom'], data['validUntil'] ?? null, data['documentSha256'], data['grantedBy'], event.metadata.recordedAt,
          ]);
          break;
      }
    }
  },
};
