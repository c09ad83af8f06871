import type { ConsentPurpose } from '@casebook/incidents';
import type { EntityManager } from 'typeorm';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';

type Category = 'pupil-consent' | 'school-consent' | 'pupil-incident' | 'staff-misconduct' | 'pupil-conduct' | 'directory-person';
type Statement = readonly [sql: string, params: readonly unknown[]];
interface Place {
  readonly schema: string;
}

/**
 * The consent registers (E4, R1, R2): each pupil's latest decision per purpose (mailbox, website publication),
 * from which the list of pupils who did not consent to publication is read; each school's recording permissions;
 * and the pupils the school is known to have (R2 revision 2: "or never asked" — a pupil of the school with no
 * decision at all): the directory's pupils of the school (DIR1), and those of its cases, custodies and account
 * measures.
 */
export const consentsProjection: Projection<Category> = {
  name: 'consents',
  categories: ['pupil-consent', 'school-consent', 'pupil-incident', 'staff-misconduct', 'pupil-conduct', 'directory-person'],
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
CREATE INDEX ON ${schema}.recording_permissions (school_id, valid_from);
CREATE TABLE ${schema}.school_pupils (school_id text NOT NULL, pupil_id text NOT NULL, PRIMARY KEY (school_id, pupil_id));`,
  async apply(manager: EntityManager, events): Promise<void> {
    const place: Place = { schema: `"${manager.connection.driver.schema ?? 'public'}"` };
    for (const event of events) {
      const statement = dispatch(STATEMENTS, event, place);
      if (statement) await manager.query(statement[0], [...statement[1]]);
    }
  },
};

/** A pupil's latest decision for a purpose (E4, R2): the row is replaced by each newer one. */
const decision =
  (status: 'given' | 'refused' | 'withdrawn') =>
  (
    event: {
      readonly globalPosition: number;
      readonly metadata: { readonly recordedAt: string };
      readonly data: {
        readonly pupilId: string;
        readonly purpose: ConsentPurpose;
        readonly schoolId: string;
        readonly givenBy: string;
        readonly documentSha256?: string | null;
      };
    },
    { schema }: Place,
  ): Statement => [
    `INSERT INTO ${schema}.pupil_consents VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (pupil_id, purpose) DO UPDATE SET school_id = excluded.school_id, status = excluded.status, given_by = excluded.given_by,
       document_sha256 = excluded.document_sha256, changed_at = excluded.changed_at, position = excluded.position`,
    [
      event.data.pupilId,
      event.data.purpose,
      event.data.schoolId,
      status,
      event.data.givenBy,
      event.data.documentSha256 ?? null,
      event.metadata.recordedAt,
      event.globalPosition,
    ],
  ];

/** R2: pupils of a school, as the events name them (ids only). */
const pupilsOf = (schoolId: string | null, pupilIds: readonly string[], { schema }: Place): Statement | undefined =>
  schoolId && pupilIds.length ? [`INSERT INTO ${schema}.school_pupils SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [schoolId, pupilIds]] : undefined;
const pupilIdsIn = (people: readonly { readonly personId: string; readonly personKind: string }[]) =>
  people.filter((p) => p.personKind === 'pupil').map((p) => p.personId);
const conductOf = (event: { readonly data: { readonly pupilId: string; readonly schoolId: string } }, place: Place) =>
  pupilsOf(event.data.schoolId, [event.data.pupilId], place);

const STATEMENTS: EventTable<Category, Place, Statement | undefined> = {
  ConsentGiven: decision('given'),
  ConsentRefused: decision('refused'),
  ConsentWithdrawn: decision('withdrawn'),
  RecordingPermissionGranted: ({ data, metadata }, { schema }) => [
    `INSERT INTO ${schema}.recording_permissions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      data.permissionId,
      data.schoolId,
      data.what,
      data.grantedTo,
      data.validFrom,
      data.validUntil ?? null,
      data.documentSha256,
      data.grantedBy,
      metadata.recordedAt,
    ],
  ],
  IncidentReported: (event, place) => pupilsOf(event.data.schoolId, pupilIdsIn(event.data.involved), place),
  InvolvedPersonAdded: (event, place) => pupilsOf(event.metadata.schoolId, pupilIdsIn(event.data.involved), place),
  DeviceTakenIntoCustody: conductOf,
  EmailAccountSuspended: conductOf,
  EmailUseWarned: conductOf,
  // DIR1: the directory's pupils are the school's, whether or not a case ever named them.
  PersonRegistered: ({ data }, place) => (data.kind === 'pupil' ? pupilsOf(data.schoolId, [data.personId], place) : undefined),
  PersonChanged: ({ data }, place) => (data.kind === 'pupil' ? pupilsOf(data.schoolId, [data.personId], place) : undefined),
  PersonLeft: null,
  // The rest of a case or a pupil's conduct names no pupil the report, an addition or a custody did not.
  MeasureImposed: null,
  CorrespondenceRecorded: null,
  ParentsInformed: null,
  DeviceReturned: null,
  DeviceReturnOverdue: null,
  IncidentClosed: null,
  IncidentReopened: null,
  ObligationWaived: null,
  CaseNumbered: null,
  CaseAssigned: null,
  SuspensionBooked: null,
  SuspensionBookingReleased: null,
  MeasureWithdrawn: null,
  IncidentReclassified: null,
  ScopeAssessed: null,
  EvidenceAdded: null,
  CriminalReportDecisionLinked: null,
  HearingHeld: null,
  InspectorateReported: null,
  StaffConductQualified: null,
  InspectorNotificationQueued: null,
  InspectorCalled: null,
  ManagerConsulted: null,
  RemovalIntended: null,
  RemovalPlacementRecorded: null,
  RemovalObjected: null,
  ObjectionDecided: null,
  DisciplinaryMeasureImposed: null,
  DisciplinaryIntentionAnnounced: null,
  DismissalProcedureStarted: null,
  DismissalProcedureConcluded: null,
};
