import { given, play } from '@casebook/testing';
import type { Actor } from '../shared/actor';
import type { PupilConductCommand } from './pupil-conduct.commands';
import { custody, pupilConductDecider } from './pupil-conduct.fixtures';

const otherDirector: Actor = { id: 'staff-dir-9', role: 'director', schools: ['school-9'] };
const board: Actor = { id: 'board-1', role: 'board', schools: [] };
const teacher: Actor = { id: 'staff-t-1', role: 'teacher', schools: ['school-1'] };
const now = '2026-11-02T15:00:00.000Z';

function as(actor: Actor, command: PupilConductCommand): PupilConductCommand {
  return { ...command, context: { ...command.context, actor } } as PupilConductCommand;
}

describe('who acts on a pupil conduct stream (role table)', () => {
  it('lets a teacher take a device into custody at its own school, never at another, and nothing else (TC1)', () => {
    expect(given(pupilConductDecider, []).when(as(teacher, custody()))).toMatchObject([{ type: 'DeviceTakenIntoCustody' }]);
    expect(given(pupilConductDecider, []).when(as(teacher, custody(undefined, { schoolId: 'school-9' })))).toMatchObject({
      rule: 'ROLE',
      violation: 'forbidden',
    });
    const taken = custody();
    const history = play(pupilConductDecider, [taken]);
    const returned: PupilConductCommand = {
      type: 'ReturnDevice',
      context: { actor: teacher, now },
      data: { custodyId: taken.data.custodyId, returnedTo: 'pupil', returnedAt: now },
    };
    expect(given(pupilConductDecider, history).when(returned)).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });

  it('leaves the longer period of a third offence to the director: a teacher cannot set it (TC1, M3)', () => {
    const history = play(pupilConductDecider, [custody('2026-10-05T09:00:00.000Z'), custody('2026-10-12T09:00:00.000Z')]);
    const third = custody(undefined, { custodyUntil: '2026-11-09T14:30:00.000Z' });
    expect(given(pupilConductDecider, history).when(as(teacher, third))).toMatchObject({ rule: 'M3', violation: 'forbidden' });
    expect(given(pupilConductDecider, history).when(third)).toMatchObject([{ type: 'DeviceTakenIntoCustody', data: { offenceNumber: 3 } }]);
  });

  it('refuses a director of another school taking a device for school-1 (ROLE)', () => {
    expect(given(pupilConductDecider, []).when(as(otherDirector, custody()))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });

  it('refuses the return of a custody at another school, and lets the board return it (ROLE, M6)', () => {
    const taken = custody();
    const history = play(pupilConductDecider, [taken]);
    const returned: PupilConductCommand = {
      type: 'ReturnDevice',
      context: { actor: otherDirector, now },
      data: { custodyId: taken.data.custodyId, returnedTo: 'pupil', returnedAt: '2026-11-02T14:35:00.000Z' },
    };
    expect(given(pupilConductDecider, history).when(returned)).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(pupilConductDecider, history).when(as(board, returned))).toMatchObject([{ type: 'DeviceReturned' }]);
  });

  it('refuses informing parents about a custody at another school (ROLE, M2)', () => {
    const first = custody('2026-10-05T09:00:00.000Z');
    const second = custody();
    const history = play(pupilConductDecider, [first, second]);
    const informed: PupilConductCommand = {
      type: 'RecordParentsInformed',
      context: { actor: otherDirector, now },
      data: { regarding: second.data.custodyId, channel: 'phone', informedAt: '2026-11-02T12:00:00.000Z' },
    };
    expect(given(pupilConductDecider, history).when(informed)).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });
});
