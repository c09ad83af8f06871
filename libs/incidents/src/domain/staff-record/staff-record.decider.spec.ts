import { given, play } from '@casebook/testing';
import type { Actor } from '../shared/actor';
import { decideStaffRecord, evolveStaffRecord, initialStaffRecordState, type StaffRecordCommand } from './staff-record.decider';

const decider = { initialState: initialStaffRecordState, evolve: evolveStaffRecord, decide: decideStaffRecord };
const NOW = '2026-11-06T10:00:00.000Z';
const consult = (actor: Actor, data: Partial<StaffRecordCommand['data']> = {}): StaffRecordCommand => ({
  type: 'RecordOwnManagerConsultation',
  context: { actor, now: NOW },
  data: {
    staffId: 'staff-12',
    consultationId: 'mc-1',
    consultedAt: '2026-11-05T15:00:00.000Z',
    summary: 'May I post about the school trip?',
    managerId: 'staff-dir-1',
    ...data,
  },
});
const self: Actor = { id: 'staff-12', role: 'teacher', schools: ['school-1'] };

describe('a manager consultation without a case (S10, revision 2)', () => {
  it('is recorded by the staff member themselves, on their own record, with the manager named (S10)', () => {
    expect(given(decider, []).when(consult(self))).toEqual([
      {
        type: 'ManagerConsulted',
        data: {
          consultationId: 'mc-1',
          consultedAt: '2026-11-05T15:00:00.000Z',
          summary: 'May I post about the school trip?',
          managerId: 'staff-dir-1',
          recordedBy: 'staff-12',
        },
      },
    ]);
    expect(given(decider, []).when(consult({ id: 'staff-dir-1', role: 'director', schools: ['school-1'] }))).toHaveLength(1);
  });

  it('refuses another teacher, a blank summary, a consultation in the future, and the same one twice (S10, B4)', () => {
    expect(given(decider, []).when(consult({ id: 'staff-13', role: 'teacher', schools: ['school-1'] }))).toMatchObject({ rule: 'S10', violation: 'forbidden' });
    expect(given(decider, []).when(consult(self, { summary: ' ' }))).toMatchObject({ rule: 'S10' });
    expect(given(decider, []).when(consult(self, { consultedAt: '2026-11-07T10:00:00.000Z' }))).toMatchObject({ rule: 'B4' });
    expect(given(decider, play(decider, [consult(self)])).when(consult(self))).toMatchObject({ rule: 'S10' });
  });
});
