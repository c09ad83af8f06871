import type { CommandContext, DomainPolicy } from '../shared/command-context';
import { DEFAULT_POLICY } from '../shared/command-context';
import type { PupilConductCommand, TakeDeviceIntoCustody } from './pupil-conduct.commands';
import type { PupilConductEvent } from './pupil-conduct.events';
import { decidePupilConduct } from './pupil-conduct.decider';
import { evolvePupilConduct, initialPupilConductState, type PupilConductState } from './pupil-conduct.state';
import type { Decision } from '../shared/rule-violation';

/** Test data for the pupil-conduct specs: plain values, one place. */
export const director: CommandContext['actor'] = { id: 'staff-dir-1', role: 'director', schools: ['school-1'] };

export function at(now: string): CommandContext {
  return { actor: director, now };
}

export const pupilConductDecider = {
  initialState: initialPupilConductState,
  evolve: evolvePupilConduct,
  decide: (command: PupilConductCommand, state: PupilConductState): Decision<PupilConductEvent> =>
    decidePupilConduct(command, state, DEFAULT_POLICY as DomainPolicy),
};

let sequence = 0;
/** A complete, valid custody command on a Monday morning of school year 2026, with fresh ids. */
export function custody(now = '2026-11-02T09:30:00.000Z', overrides: Partial<TakeDeviceIntoCustody['data']> = {}): TakeDeviceIntoCustody {
  sequence++;
  const day = now.slice(0, 10);
  return {
    type: 'TakeDeviceIntoCustody',
    context: at(now),
    data: {
      custodyId: `custody-${sequence}`,
      informParentsObligationId: `inform-${sequence}`,
      returnObligationId: `return-${sequence}`,
      pupilId: 'pupil-1',
      schoolId: 'school-1',
      device: 'phone',
      conditionChecked: { damage: 'none', working: true },
      pupilPresent: true,
      switchedOff: true,
      takenAt: now,
      endOfSchoolDay: `${day}T14:30:00.000Z`,
      endOfNextSchoolDay: `${nextDay(day)}T14:30:00.000Z`,
      ...overrides,
    },
  };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
