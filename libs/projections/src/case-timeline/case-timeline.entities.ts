import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event of a case (or of a criminal-report decision opened from it), in the order the store holds them. */
@Entity({ name: 'timeline_entries' })
export class TimelineEntryRow {
  @PrimaryColumn('text', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('bigint') position!: string;
  @Column('text', { name: 'stream_id' }) streamId!: string;
  @Column('integer') revision!: number;
  @Column('text') type!: string;
  @Column('text', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text', { name: 'case_kind' }) caseKind!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('text', { name: 'actor_id' }) actorId!: string;
  @Column('text', { name: 'actor_role' }) actorRole!: string;
  /** B4: recorded long after it happened. */
  @Column('boolean') late!: boolean;
  @Column('jsonb') facts!: Record<string, unknown>;
}

/** The case a criminal-report decision belongs to, and the kind of each case. */
@Entity({ name: 'timeline_cases' })
export class TimelineCaseRow {
  /** An incident id or a decision id. */
  @PrimaryColumn('text', { name: 'ref_id' }) refId!: string;
  @Column('text', { name: 'incident_id' }) incidentId!: string;
  @Column('text', { name: 'case_kind' }) caseKind!: string;
}
