import type { InvolvedPerson } from '../case/involved-person';
import type { Actor } from '../shared/actor';
import { type CommandContext, DEFAULT_POLICY } from '../shared/command-context';
import type { Decision } from '../shared/rule-violation';
import type { ReportStaffMisconduct, StaffMisconductCommand } from './staff-misconduct.commands';
import { decideStaffMisconduct } from './staff-misconduct.decider';
import type { StaffMisconductEvent } from './staff-misconduct.events';
import { evolveStaffMisconduct, initialStaffMisconductState, type StaffMisconductState } from './staff-misconduct.state';

export const director: Actor = { id: 'staff-dir-1', role: 'director', schools: ['school-1'] };
export const board: Actor = { id: 'board-1', role: 'board', schools: [] };
export const hr: Actor = { id: 'hr-1', role: 'hr', schools: [] };
export const NOW = '2026-11-06T10:00:00.000Z'; // a Friday

export const as = (actor: Actor, now = NOW): CommandContext => ({ actor, now });

export const staffDecider = {
  initialState: initialStaffMisconductState,
  evolve: evolveStaffMisconduct,
  decide: (command: StaffMisconductCommand, state: StaffMisconductState): Decision<StaffMisconductEvent> =>
    decideStaffMisconduct(command, state, DEFAULT_POLICY),
};

export const INVOLVED: readonly InvolvedPerson[] = [
  { personId: 'staff-teacher-5', personKind: 'staff', role: 'perpetrator' },
  { personId: 'pupil-3', personKind: 'pupil', role: 'victim' },
];

export function reportStaff(category = 'private-contact-with-pupil', actor: Actor = director): ReportStaffMisconduct {
  return {
    type: 'ReportStaffMisconduct',
    context: as(actor),
    statutoryObligationId: 'statutory-item-1',
    report: {
      type: 'ReportIncident',
      context: as(actor),
      data: {
        incidentId: 'staff-case-1',
        schoolId: 'school-1',
        category,
        occurredAt: '2026-11-01T20:00:00.000Z',
        summary: 'Befriended pupils on a private account',
        involved: INVOLVED,
      },
    },
  };
}

export const qualify = (qualification: 'dereliction-of-duty' | 'boundary-crossing', actor: Actor = board) => ({
  type: 'QualifyConduct' as const,
  context: as(actor),
  data: { qualification, rationale: 'Private contact with pupils breaks the protocol', obligationId: `item-${qualification}` },
});

export const call = (conclusion?: 'reasonable-suspicion' | 'no-reasonable-suspicion', actor: Actor = board) => ({
  type: 'RecordInspectorCall' as const,
  context: as(actor),
  data: { calledAt: '2026-11-06T09:30:00.000Z', inspectorReference: 'LVI-2026-1182', summary: 'Reported by phone', conclusion },
});
