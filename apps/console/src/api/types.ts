/** The shapes of the API's answers the console reads (api.md); only the fields it shows. */
export interface WorkItem {
  readonly kind: string;
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  readonly schoolId: string | null;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly obligationId?: string;
  /** The person it is about (a device due back, a retention ended), and the name opened for the caller. */
  readonly personId?: string;
  readonly personName?: string;
}

export interface CaseRow {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly kind: 'pupil-incident' | 'staff-misconduct';
  readonly schoolId: string;
  readonly category: string;
  readonly status: 'open' | 'closed';
  readonly ownerId: string | null;
  readonly reportedAt: string;
  readonly lastChangedAt: string;
  readonly openObligations: number;
  readonly overdueObligations: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface Involved {
  readonly personId: string;
  readonly personKind: string;
  readonly role: string;
  readonly displayName?: string | null;
}

export interface Obligation {
  readonly obligationId: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly status: 'open' | 'done' | 'waived';
  readonly regarding?: string;
  /** The criminal-report decision whose obligation this is (its police report, B3's notices): not the case's to waive. */
  readonly criminalReportDecisionId?: string;
}

export interface CaseView {
  readonly id: string;
  readonly caseNumber?: string | null;
  readonly kind: 'pupil-incident' | 'staff-misconduct';
  readonly revision: number;
  readonly schoolId: string;
  readonly category: string;
  readonly occurredAt: string;
  readonly summary: string;
  readonly involved: readonly Involved[];
  readonly status: 'open' | 'closed';
  readonly outcome: string | null;
  readonly scope: { readonly inScope: boolean; readonly rationale: string } | null;
  readonly obligations: readonly Obligation[];
  readonly reportedBy?: string;
  readonly ownerId?: string | null;
  readonly measures?: readonly {
    readonly measureId: string;
    readonly measure: string;
    readonly subjectId: string;
    readonly startsOn?: string | null;
    readonly endsOn?: string | null;
  }[];
  readonly qualifications?: readonly { readonly qualificationId?: string; readonly qualification: string }[];
  readonly criminalReportDecisions?: readonly string[];
  readonly dismissalProcedures?: readonly {
    readonly procedureId: string;
    readonly subjectId: string;
    readonly route: string;
    readonly outcome: string | null;
  }[];
  readonly removal?: { readonly objections: readonly { readonly objectionId?: string; readonly subjectId?: string; readonly decision?: string | null }[] };
}

export interface TimelineEntry {
  readonly position: number;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly text: string;
}

export interface School {
  readonly schoolId: string;
  readonly name: string;
}

export interface Person {
  readonly personId: string;
  readonly name: string;
  readonly kind?: 'staff' | 'pupil' | 'parent';
  readonly group?: string | null;
  readonly schoolIds?: readonly string[];
  readonly roles?: readonly string[];
}

/** An answer to a command (api.md): its id, revision and position, and more where stated. */
export interface CommandAnswer {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
  readonly caseNumber?: string;
  readonly offenceNumber?: number;
  readonly custodyUntil?: string | null;
}
