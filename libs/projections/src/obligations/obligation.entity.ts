import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One obligation the protocol put on the school, with its due time; open until the event that closes it. */
@Entity({ name: 'obligations' })
export class ObligationRow {
  @PrimaryColumn('text', { name: 'obligation_id' }) obligationId!: string;
  @Column('text') kind!: string;
  /** The measure, custody, account action or case it is about. */
  @Column('text') regarding!: string;
  @Column('text', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  /** The pupil it concerns, when there is one (measures, custodies, account actions). */
  @Column('text', { name: 'pupil_id', nullable: true }) pupilId!: string | null;
  @Column('text', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('bigint', { name: 'opened_position' }) openedPosition!: string;
}
