import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One read (or refused read) of a dossier, timeline or export: who, in which role, what, whose data, when. */
@Entity({ name: 'access_log' })
export class AccessLogEntryRow {
  @PrimaryColumn('text', { name: 'access_id' }) accessId!: string;
  @Column('bigint') position!: string;
  @Column('timestamptz', { name: 'read_at' }) readAt!: Date;
  @Column('text', { name: 'actor_id' }) actorId!: string;
  @Column('text', { array: true, name: 'actor_roles' }) actorRoles!: string[];
  @Column('text') resource!: string;
  @Column('text', { name: 'resource_id' }) resourceId!: string;
  @Column('text', { array: true, name: 'subject_ids' }) subjectIds!: string[];
  @Column('text') outcome!: string;
  /** The cases a list showed (caseload); empty for a dossier read. */
  @Column('text', { array: true, name: 'case_ids' }) caseIds!: string[];
}
