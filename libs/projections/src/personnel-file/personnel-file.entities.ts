import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a staff member's personnel file (F1, S8–S10, B1). */
@Entity({ name: 'personnel_file_entries' })
export class PersonnelFileEntryRow {
  @PrimaryColumn('text', { name: 'staff_id' }) staffId!: string;
  @PrimaryColumn('bigint') position!: string;
  @PrimaryColumn('integer') seq!: number;
  @Column('text', { name: 'school_id', nullable: true }) schoolId!: string | null;
  @Column('text') kind!: string;
  @Column('text', { name: 'incident_id', nullable: true }) incidentId!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('jsonb') data!: Record<string, unknown>;
}

/** The staff members a staff case is about (its perpetrators): later events of the case go to their files. */
@Entity({ name: 'personnel_file_cases' })
export class PersonnelFileCaseRow {
  @PrimaryColumn('text', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('text', { name: 'staff_id' }) staffId!: string;
}
