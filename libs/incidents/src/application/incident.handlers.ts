import type { EventStore } from '@casebook/event-store';
import type { CaseState } from '../domain/case/case.state';
import type { DomainPolicy } from '../domain/shared/command-context';
import type { PupilIncidentCommand } from '../domain/pupil-incident/pupil-incident.commands';
import { decidePupilIncident } from '../domain/pupil-incident/pupil-incident.decider';
import type { PupilIncidentEvent } from '../domain/pupil-incident/pupil-incident.events';
import { evolvePupilIncident, initialPupilIncidentState, type PupilIncidentState } from '../domain/pupil-incident/pupil-incident.state';
import type { StaffMisconductCommand } from '../domain/staff-misconduct/staff-misconduct.commands';
import { decideStaffMisconduct } from '../domain/staff-misconduct/staff-misconduct.decider';
import type { StaffMisconductEvent } from '../domain/staff-misconduct/staff-misconduct.events';
import { evolveStaffMisconduct, initialStaffMisconductState, type StaffMisconductState } from '../domain/staff-misconduct/staff-misconduct.state';
import { StreamCommandHandler } from './stream-command-handler';

/** Stream ids of the domain spec: `pupil-incident-<uuid>`, `staff-misconduct-<uuid>`. */
export const incidentStream = (kind: 'pupil-incident' | 'staff-misconduct', incidentId: string): string => `${kind}-${incidentId}`;

/** A case's school: known once reported; for the report itself, the school it names. */
function caseSchool(state: CaseState, events: readonly { readonly data: unknown }[]): string | null {
  return state.schoolId || ((events[0]?.data as { schoolId?: string } | undefined)?.schoolId ?? null);
}

export function pupilIncidentHandler(store: EventStore, policy: DomainPolicy): StreamCommandHandler<PupilIncidentCommand, PupilIncidentEvent, PupilIncidentState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialPupilIncidentState, evolve: evolvePupilIncident, decide: (command, state) => decidePupilIncident(command, state, policy) },
    caseSchool,
  );
}

export function staffMisconductHandler(
  store: EventStore,
  policy: DomainPolicy,
): StreamCommandHandler<StaffMisconductCommand, StaffMisconductEvent, StaffMisconductState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialStaffMisconductState, evolve: evolveStaffMisconduct, decide: (command, state) => decideStaffMisconduct(command, state, policy) },
    caseSchool,
  );
}
