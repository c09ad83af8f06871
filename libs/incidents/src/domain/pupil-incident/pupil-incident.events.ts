import type { CaseEvent } from '../case/case.events';
import type { OpenedObligation } from '../shared/obligation';
import type { ParentsInformed } from '../shared/parents-informed.event';
import type { PersonKind } from '../case/involved-person';

/** P1: the measures a school may take against a pupil. */
export type PupilMeasure = 'warning' | 'ict-ban' | 'behaviour-contract' | 'suspension' | 'removal';

export interface MeasureImposed {
  readonly type: 'MeasureImposed';
  readonly data: {
    readonly measureId: string;
    readonly subjectId: string;
    readonly measure: PupilMeasure;
    readonly reason: string;
    /** Calendar days (YYYY-MM-DD): a suspension's first and last day, an ICT ban's last day. */
    readonly startsOn: string | null;
    readonly endsOn: string | null;
    readonly imposedBy: string;
    readonly obligations: readonly OpenedObligation[];
  };
}

/** Whose hearing it was (api.md revision 2): P6 needs the class teacher and the pupil's parents, S12 the staff member. */
export type HeardAs = 'class-teacher' | 'parent' | 'staff-member';

/** P6: a hearing before a removal; S12: the hearing of a staff member before a disciplinary measure. */
export interface HearingHeld {
  readonly type: 'HearingHeld';
  readonly data: {
    readonly hearingId: string;
    readonly heardPersonId: string;
    readonly heardPersonKind: PersonKind;
    /** Absent in events from before revision 2. */
    readonly heardAs?: HeardAs | null;
    readonly heardAt: string;
    readonly summary: string;
    readonly recordedBy: string;
  };
}

/** P5: a suspension reported in writing to the Inspectorate; closes the case's report obligation for it. */
export interface InspectorateReported {
  readonly type: 'InspectorateReported';
  readonly data: {
    /** The suspension (measure id) reported. */
    readonly regarding: string;
    readonly reportedAt: string;
    readonly reference: string;
    readonly recordedBy: string;
    readonly closesObligationId: string;
  };
}

export type PupilIncidentEvent = CaseEvent | MeasureImposed | HearingHeld | ParentsInformed | InspectorateReported;
