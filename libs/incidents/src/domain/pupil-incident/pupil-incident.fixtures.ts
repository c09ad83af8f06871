import type { InvolvedPerson } from '../case/involved-person';
import type { Actor } from '../shared/actor';
import { type CommandContext, DEFAULT_POLICY } from '../shared/command-context';
import type { Decision } from '../shared/rule-violation';
import type { ImposeMeasure, PupilIncidentCommand } from './pupil-incident.commands';
import { decidePupilIncident } from './pupil-incident.decider';
import type { PupilIncidentEvent } from './pupil-incident.events';
import { evolvePupilIncident, initialPupilIncidentState, type PupilIncidentState } from './pupil-incident.state';

/** Test data for the pupil-incident specs. */
export const teacher: Actor = { id: 'staff-teacher-1', role: 'teacher', schools: ['school-1'] };
export const otherTeacher: Actor = { id: 'staff-teacher-2', role: 'teacher', schools: ['school-1'] };
export const director: Actor = { id: 'staff-dir-1', role: 'director', schools: ['school-1'] };
export const otherDirector: Actor = { id: 'staff-dir-9', role: 'director', schools: ['school-9'] };
export const board: Actor = { id: 'board-1', role: 'board', schools: [] };
export const hr: Actor = { id: 'hr-1', role: 'hr', schools: [] };

export const NOW = '2026-11-04T10:00:00.000Z'; // a Wednesday

export const as = (actor: Actor, now = NOW): CommandContext => ({ actor, now });

export const pupilIncidentDecider = {
  initialState: initialPupilIncidentState,
  evolve: evolvePupilIncident,
  decide: (command: PupilIncidentCommand, state: PupilIncidentState): Decision<PupilIncidentEvent> => decidePupilIncident(command, state, DEFAULT_POLICY),
};

export const INVOLVED: readonly InvolvedPerson[] = [
  { personId: 'pupil-victim', personKind: 'pupil', role: 'victim', displayName: 'Noor' },
  { personId: 'pupil-bully', personKind: 'pupil', role: 'perpetrator', displayName: 'Daan' },
  { personId: 'parent-bully', personKind: 'parent', role: 'witness' },
];

export function report(overrides: Partial<Extract<PupilIncidentCommand, { type: 'ReportIncident' }>['data']> = {}, actor: Actor = teacher) {
  return {
    type: 'ReportIncident' as const,
    context: as(actor),
    data: {
      incidentId: 'incident-1',
      schoolId: 'school-1',
      category: 'cyberbullying',
      occurredAt: '2026-11-03T19:30:00.000Z',
      summary: 'Threatening messages in the class group chat',
      involved: INVOLVED,
      ...overrides,
    },
  };
}

let sequence = 0;
export function measure(overrides: Partial<ImposeMeasure['data']> = {}, actor: Actor = director): ImposeMeasure {
  sequence++;
  return {
    type: 'ImposeMeasure',
    context: as(actor),
    data: {
      measureId: `measure-${sequence}`,
      obligationIds: {
        informParents: `inform-${sequence}`,
        inspectorateReport: `inspectorate-${sequence}`,
        removalPlacement: `placement-${sequence}`,
        reconsiderationWindow: `reconsideration-${sequence}`,
        removalInspectorate: `removal-inspectorate-${sequence}`,
        attendanceOfficer: `attendance-${sequence}`,
      },
      subjectId: 'pupil-bully',
      measure: 'warning',
      reason: 'Threatened a classmate online',
      ...overrides,
    },
  };
}

export function hearing(
  heardPersonId: string,
  heardPersonKind?: 'staff' | 'parent' | 'pupil' | 'external',
  heardAs?: 'class-teacher' | 'parent',
  ofPupilId?: string,
) {
  sequence++;
  return {
    type: 'RecordHearing' as const,
    context: as(board),
    data: {
      hearingId: `hearing-${sequence}`,
      heardPersonId,
      heardPersonKind,
      heardAs,
      ofPupilId,
      heardAt: '2026-11-04T09:00:00.000Z',
      summary: 'Heard before the removal',
    },
  };
}

/** P6 (revision 2): the board's intention to remove a pupil. */
export function removalIntention(subjectId = 'pupil-bully') {
  sequence++;
  return {
    type: 'RecordRemovalIntention' as const,
    context: as(board),
    data: { intentionId: `intention-${sequence}`, subjectId, reason: 'Repeated threats after a suspension' },
  };
}

/** What a removal of `pupil-bully` needs first (P6): the intention, then its class teacher and its own parent heard. */
export const removalPrepared = (subjectId = 'pupil-bully') => [
  removalIntention(subjectId),
  hearing('staff-teacher-1', 'staff', 'class-teacher', subjectId),
  hearing('parent-bully', 'parent', 'parent', subjectId),
];
