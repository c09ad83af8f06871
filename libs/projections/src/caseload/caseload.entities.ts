import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One case in the caseload: ids, codes and moments only — no names, no narratives (api.md "Caseload and work"). */
@Entity({ name: 'cases' })
export class CaseloadCaseRow {
  @PrimaryColumn('text', { name: 'incident_id' }) incidentId!: string;
  @Column('text', { name: 'case_number', nullable: true }) caseNumber!: string | null;
  @Column('text') kind!: string;
  @Column('text', { name: 'school_id' }) schoolId!: string;
  @Column('text') category!: string;
  @Column('text') status!: 'open' | 'closed';
  @Column('text', { name: 'owner_id', nullable: true }) ownerId!: string | null;
  @Column('text', { name: 'reported_by' }) reportedBy!: string;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('timestamptz', { name: 'last_changed_at' }) lastChangedAt!: Date;
  /** SC2: a pupil case waits for its scope assessment (the director's work). */
  @Column('boolean', { name: 'scope_assessed' }) scopeAssessed!: boolean;
  /** B1: a staff case waits for the board's qualification. */
  @Column('boolean') qualified!: boolean;
}

/** Who a case is about or was heard in it (the `personId` filter; CI1 keeps them from seeing it listed). */
@Entity({ name: 'case_people' })
export class CaseloadPersonRow {
  @PrimaryColumn('text', { name: 'incident_id' }) incidentId!: string;
  @PrimaryColumn('text', { name: 'person_id' }) personId!: string;
  /** perpetrator, victim, witness, reporter — or `heard` (CI1: a person heard in the case). */
  @PrimaryColumn('text') role!: string;
}

/** A case's obligations, read by the domain's table like the obligations list (the open and overdue counts). */
@Entity({ name: 'case_obligations' })
export class CaseloadObligationRow {
  @PrimaryColumn('text', { name: 'obligation_id' }) obligationId!: string;
  @Column('text', { name: 'incident_id' }) incidentId!: string;
  @Column('text') kind!: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}

/** A measure of a case (statistics): which, when; a withdrawn one (COR1) is not counted. */
@Entity({ name: 'case_measures' })
export class CaseloadMeasureRow {
  @PrimaryColumn('text', { name: 'measure_id' }) measureId!: string;
  @Column('text', { name: 'incident_id' }) incidentId!: string;
  @Column('text') measure!: string;
  @Column('timestamptz', { name: 'imposed_at' }) imposedAt!: Date;
  @Column('boolean') withdrawn!: boolean;
}

/** The board's open decisions (work queue): criminal-report decisions (B2) and intended removals (P6). */
@Entity({ name: 'pending_decisions' })
export class CaseloadDecisionRow {
  @PrimaryColumn('text', { name: 'decision_id' }) decisionId!: string;
  /** `criminal-report` or `removal` */
  @Column('text') kind!: string;
  @Column('text', { name: 'incident_id' }) incidentId!: string;
  /** A removal's pupil: the removal measure against them decides it. */
  @Column('text', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('boolean') decided!: boolean;
}
