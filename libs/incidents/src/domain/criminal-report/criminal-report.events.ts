import type { OpenedObligation } from '../shared/obligation';

export type CriminalReportDecisionKind = 'report' | 'do-not-report';

/** P4/B2/B3: a decision whether to report a possible offence to the police, linked to its source case. */
export interface CriminalReportDecisionOpened {
  readonly type: 'CriminalReportDecisionOpened';
  readonly data: {
    readonly decisionId: string;
    readonly sourceIncidentId: string;
    readonly sourceKind: 'pupil-incident' | 'staff-misconduct';
    readonly schoolId: string;
    readonly suspectedOffence: string;
    /** B3: opened under the statutory duty (signs of a sexual offence against a minor pupil). */
    readonly statutory: boolean;
    readonly openedBy: string;
  };
}

export interface CriminalReportDecided {
  readonly type: 'CriminalReportDecided';
  readonly data: {
    readonly decision: CriminalReportDecisionKind;
    readonly rationale: string;
    readonly decidedBy: string;
    /** B2: a decision to report stays open until the police report is recorded. */
    readonly obligations: readonly OpenedObligation[];
  };
}

export interface PoliceReportFiled {
  readonly type: 'PoliceReportFiled';
  readonly data: {
    readonly filedAt: string;
    readonly policeStation: string;
    readonly policeReference: string;
    readonly recordedBy: string;
    readonly closesObligationId: string;
    /**
     * B3 with FACT1 (#32): the notices still open when the report was filed. They were due before it: from now on
     * they are due at `filedAt`, so one given later shows as late. Absent in events recorded before.
     */
    readonly noticesDueAtFiling?: readonly string[];
  };
}

/** B3 (revision 2): before the police report is filed, the board informs the pupil's parents and the accused. */
export interface StatutoryNoticeGiven {
  readonly type: 'StatutoryNoticeGiven';
  readonly data: {
    readonly informed: 'parents' | 'accused';
    readonly channel: 'letter' | 'e-mail' | 'phone' | 'meeting';
    readonly informedAt: string;
    readonly informedBy: string;
    readonly closesObligationId: string;
    /** B3 with FACT1 (#32): given after the police report was filed — recorded as it happened, and late. */
    readonly afterPoliceReport?: boolean;
  };
}

export type CriminalReportEvent = CriminalReportDecisionOpened | CriminalReportDecided | PoliceReportFiled | StatutoryNoticeGiven;
