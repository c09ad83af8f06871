import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a pupil's file: an incident, a measure, a custody, an account action, correspondence, a notification. */
@Entity({ name: 'pupil_file_entries' })
export class PupilFileEntryRow {
  @PrimaryColumn('text', { name: 'pupil_id' }) pupilId!: string;
  @PrimaryColumn('bigint') position!: string;
  @PrimaryColumn('integer') seq!: number;
  @Column('text', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') kind!: string;
  @Column('text', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('jsonb') data!: Record<string, unknown>;
}

/** Which pupils a case involves, and whose a measure is: to file later events of the case with the right pupils. */
@Entity({ name: 'pupil_file_links' })
export class PupilFileLinkRow {
  /** An incident id or a measure id. */
  @PrimaryColumn('text', { name: 'ref_id' }) refId!: string;
  @PrimaryColumn('text', { name: 'pupil_id' }) pupilId!: string;
}
