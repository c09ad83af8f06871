import type { PersonKind } from '../../domain/case/involved-person';
import type { OpenedObligation } from '../../domain/shared/obligation';
import type { ParentNotificationChannel } from '../../domain/shared/parents-informed.event';
import type { PupilIncidentCommand } from '../../domain/pupil-incident/pupil-incident.commands';
import type { HeardAs, PupilMeasure } from '../../domain/pupil-incident/pupil-incident.events';
import type { DisciplinaryMeasure } from '../../domain/staff-misconduct/staff-misconduct.events';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { refuse } from '../../domain/shared/rule-violation';
import { NO_PUPIL_FACTS, notTheClassTeacher, pupilOutsideActorsSchools } from '../pupil-facts';
import { type Issued, type WriteSideCore, noCase } from '../write-side-core';
import { SuspensionBookings } from './suspension-bookings';

export interface Measure {
  readonly subjectId: string;
  /** A pupil measure (P1) or a disciplinary one (S9): the decider of the case's kind refuses the other kind's. */
  readonly measure: string;
  readonly reason: string;
  readonly startsOn?: string;
  readonly endsOn?: string;
  /** S11: when a summary dismissal was communicated, when the facts were known, and why any delay. */
  readonly communicatedAt?: string;
  readonly factsKnownAt?: string;
  readonly delayReason?: string;
}

export interface Hearing {
  readonly heardPersonId: string;
  readonly heardPersonKind?: PersonKind;
  readonly heardAs?: HeardAs;
  readonly ofPupilId?: string;
  readonly heardAt: string;
  readonly summary: string;
}

export interface ParentNotification {
  /** A measure of the case, or a device custody or e-mail account action of a pupil. */
  readonly regarding: string;
  readonly channel: ParentNotificationChannel;
  readonly informedAt: string;
}

/** What a command opened, for the caller to act on (ids, kinds and due times only). */
function openedObligations(events: readonly unknown[]): Record<string, unknown> {
  const obligations = events.flatMap((event) => (event as { data: { obligations?: readonly OpenedObligation[] } }).data.obligations ?? []);
  return { obligations: obligations.map(({ obligationId, kind, dueAt }) => ({ obligationId, kind, dueAt })) };
}

/** Measures against pupils and staff, hearings before a removal, and informing parents ("Sancties en gevolgen"). */
export class MeasureCommands {
  private readonly suspensions: SuspensionBookings;

  constructor(private readonly core: WriteSideCore) {
    this.suspensions = new SuspensionBookings(core);
  }

  /** P1–P3, P5, P6 on a pupil case; S9, S11 on a staff case. */
  async impose(incidentId: string, measure: Measure, issued: Issued): Promise<CommandOutcome> {
    // DIR1, P3 (#31): a director's measure names a pupil of their own schools, by the directory.
    const foreign = await pupilOutsideActorsSchools(this.core.deps.pupilFacts, measure.subjectId, issued.context.actor);
    if (foreign) return refused(foreign);
    const measureId = this.core.newId();
    const common = { measureId, subjectId: measure.subjectId, reason: measure.reason, startsOn: measure.startsOn, endsOn: measure.endsOn };
    const obligationIds = {
      informParents: this.core.newId(),
      inspectorateReport: this.core.newId(),
      removalPlacement: this.core.newId(),
      reconsiderationWindow: this.core.newId(),
      removalInspectorate: this.core.newId(),
      attendanceOfficer: this.core.newId(),
    };
    const pupilData = { ...common, measure: measure.measure as PupilMeasure, obligationIds };
    const record = () =>
      this.core.onCaseOutcome(
        incidentId,
        issued,
        {
          // The deciders refuse what is not a measure of their kind (P1, S9).
          'pupil-incident': (context) => ({ type: 'ImposeMeasure', context, data: pupilData }),
          'staff-misconduct': (context) => ({
            type: 'ImposeDisciplinaryMeasure',
            context,
            data: {
              ...common,
              measure: measure.measure as DisciplinaryMeasure,
              communicatedAt: measure.communicatedAt,
              factsKnownAt: measure.factsKnownAt,
              delayReason: measure.delayReason,
            },
          }),
        },
        'measures',
        measureId,
        (events) => ({ incidentId, ...openedObligations(events) }),
      );
    // rule P5 across cases: a pupil's suspension is booked on the pupil's own stream first (decisions #81).
    if (measure.measure === 'suspension' && measure.startsOn && measure.endsOn) return this.suspensions.impose(incidentId, pupilData, issued, record);
    return record();
  }

  /**
   * P2, E2, E3, M2: closes an "inform parents" obligation. A custody or account action lives on the pupil's conduct
   * stream (the locator knows which); a measure on the case. The revision is that of the stream that holds it.
   */
  async recordParentsInformed(incidentId: string, notification: ParentNotification, issued: Issued): Promise<CommandOutcome> {
    const data = { ...notification, regarding: notification.regarding.toLowerCase() };
    const conductStream = await this.core.locator.find(data.regarding);
    if (conductStream) {
      if (!(await this.core.cases.reported(incidentId))) return refused(noCase(incidentId));
      const result = await this.core.handlers.pupilConduct.handle(conductStream, { type: 'RecordParentsInformed', context: issued.context, data }, issued.meta);
      return outcomeOf(result, data.regarding, () => ({ incidentId }));
    }
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'pupil-incident': (context) => ({ type: 'RecordParentsInformedOfMeasure', context, data }) },
      'parent notifications about measures',
      data.regarding,
      () => ({ incidentId }),
    );
  }

  /** P5, P6: the written report of a suspension or removal to the Inspectorate (or the attendance officer) was made. */
  recordInspectorateReport(
    incidentId: string,
    report: {
      readonly reportedAt: string;
      readonly reference: string;
      readonly regarding?: string;
      readonly recipient?: 'inspectorate' | 'attendance-officer';
    },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const data = { ...report, regarding: report.regarding?.toLowerCase() };
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'pupil-incident': (context) => ({ type: 'RecordInspectorateReport', context, data }) },
      'reports to the Inspectorate',
      incidentId,
      (events) => ({ incidentId, regarding: (events[0] as { data: { regarding: string } }).data.regarding }),
    );
  }

  /** P6: the teacher and the parents are heard before a removal; S12: the staff member before a disciplinary measure. */
  async recordHearing(incidentId: string, hearing: Hearing, issued: Issued): Promise<CommandOutcome> {
    // rule P6 (revision 2) with the directory: a parent heard as the pupil's parent has parental authority over it.
    if (hearing.heardAs === 'parent' && hearing.ofPupilId) {
      const authority = await (this.core.deps.pupilFacts ?? NO_PUPIL_FACTS).hasParentalAuthority(hearing.heardPersonId, hearing.ofPupilId);
      if (authority === false)
        return refused(
          refuse('P6', `By the directory, ${hearing.heardPersonId} has no parental authority over ${hearing.ofPupilId}: hear the pupil's own parents`),
        );
    }
    // rule P6 with the directory (#32): the class teacher heard teaches at the pupil's school.
    if (hearing.heardAs === 'class-teacher' && hearing.ofPupilId) {
      const reported = await this.core.cases.reported(incidentId);
      const caseSchool = (reported?.report.data as { schoolId?: string } | undefined)?.schoolId;
      const other = await notTheClassTeacher(this.core.deps.pupilFacts, hearing.heardPersonId, hearing.ofPupilId, caseSchool);
      if (other) return refused(other);
    }
    const hearingId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      {
        'pupil-incident': (context) => ({ type: 'RecordHearing', context, data: { hearingId, ...hearing } }),
        'staff-misconduct': (context) => ({ type: 'RecordHearing', context, data: { hearingId, ...hearing } }),
      },
      'hearings',
      hearingId,
      () => ({ incidentId }),
    );
  }

  /** P6: the board's intention to remove the pupil, before the hearings. */
  recordRemovalIntention(incidentId: string, data: { readonly subjectId: string; readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    const intentionId = this.core.newId();
    return this.onPupilCase(
      incidentId,
      issued,
      (context) => ({ type: 'RecordRemovalIntention', context, data: { intentionId, ...data } }),
      'removal intentions',
      intentionId,
    );
  }

  /** P6: where the removed pupil went (another school admitted it), or the search ended after eight weeks. */
  recordPlacement(
    incidentId: string,
    data: { readonly subjectId: string; readonly outcome: 'admitted' | 'search-ended'; readonly admittingSchool?: string; readonly decidedAt: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.onPupilCase(incidentId, issued, (context) => ({ type: 'RecordPlacement', context, data }), 'placements', incidentId);
  }

  /** P6: the parents' objection; opens the board's duty to hear them and decide. */
  recordObjection(
    incidentId: string,
    data: { readonly subjectId: string; readonly receivedAt: string; readonly summary: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const objectionId = this.core.newId();
    const obligationId = this.core.newId();
    return this.onPupilCase(
      incidentId,
      issued,
      (context) => ({ type: 'RecordObjection', context, data: { objectionId, obligationId, ...data } }),
      'objections',
      objectionId,
      () => ({ obligationId }),
    );
  }

  /** P6: the board's decision on an objection, after hearing the parents. */
  decideObjection(
    incidentId: string,
    objectionId: string,
    data: { readonly decision: 'upheld' | 'rejected'; readonly rationale: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.onPupilCase(
      incidentId,
      issued,
      (context) => ({ type: 'DecideObjection', context, data: { objectionId: objectionId.toLowerCase(), ...data } }),
      'objections',
      objectionId.toLowerCase(),
    );
  }

  private onPupilCase(
    incidentId: string,
    issued: Issued,
    command: (context: Issued['context']) => PupilIncidentCommand,
    what: string,
    id: string,
    answer: () => Readonly<Record<string, unknown>> = () => ({}),
  ): Promise<CommandOutcome> {
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command }, what, id, () => ({ incidentId, ...answer() }));
  }
}
