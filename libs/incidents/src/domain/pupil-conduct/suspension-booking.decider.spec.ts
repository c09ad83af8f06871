import { given, play } from '@casebook/testing';
import type { BookSuspension, ReleaseSuspensionBooking } from './pupil-conduct.commands';
import { at, pupilConductDecider } from './pupil-conduct.fixtures';

const NOW = '2026-11-04T10:00:00.000Z';
const book = (measureId: string, incidentId: string, startsOn: string, endsOn: string, schoolId = 'school-1'): BookSuspension => ({
  type: 'BookSuspension',
  context: at(NOW),
  data: { measureId, incidentId, pupilId: 'pupil-1', schoolId, startsOn, endsOn },
});
const release = (measureId: string): ReleaseSuspensionBooking => ({
  type: 'ReleaseSuspensionBooking',
  context: at(NOW),
  data: { measureId, reason: 'withdrawn' },
});

describe("suspension bookings on the pupil's stream (P5 across cases)", () => {
  const mondayToWednesday = book('measure-a', 'case-a', '2026-11-09', '2026-11-11');

  it('books a suspension with the moment it was booked (P5)', () => {
    expect(given(pupilConductDecider, play(pupilConductDecider, [])).when(mondayToWednesday)).toEqual([
      { type: 'SuspensionBooked', data: { ...mondayToWednesday.data, bookedAt: NOW } },
    ]);
  });

  it('refuses a suspension of another case that follows and together exceeds five school days, naming that case (P5)', () => {
    const history = play(pupilConductDecider, [mondayToWednesday]);
    const refusal = given(pupilConductDecider, history).when(book('measure-b', 'case-b', '2026-11-12', '2026-11-16'));
    expect(refusal).toMatchObject({ kind: 'rule-violation', rule: 'P5' });
    expect((refusal as { message: string }).message).toContain('case-a');
    expect(given(pupilConductDecider, history).when(book('measure-b', 'case-b', '2026-11-12', '2026-11-13'))).toHaveLength(1); // five in all
    expect(given(pupilConductDecider, history).when(book('measure-b', 'case-b', '2026-11-17', '2026-11-17'))).toHaveLength(1); // a school day between
  });

  it('refuses an overlap with a suspension of another case (P5)', () => {
    const history = play(pupilConductDecider, [mondayToWednesday]);
    expect(given(pupilConductDecider, history).when(book('measure-b', 'case-b', '2026-11-11', '2026-11-11'))).toMatchObject({ rule: 'P5' });
  });

  it('counts a released booking no longer, and books a measure once (P5)', () => {
    const released = play(pupilConductDecider, [mondayToWednesday, release('measure-a')]);
    expect(given(pupilConductDecider, released).when(book('measure-b', 'case-b', '2026-11-12', '2026-11-16'))).toHaveLength(1);
    expect(given(pupilConductDecider, released).when(release('measure-a'))).toEqual([]);
    expect(given(pupilConductDecider, play(pupilConductDecider, [mondayToWednesday])).when(mondayToWednesday)).toEqual([]);
  });

  it("lets only the director of the case's school or the board book (P5, ROLE)", () => {
    expect(given(pupilConductDecider, play(pupilConductDecider, [])).when(book('measure-x', 'case-x', '2026-11-09', '2026-11-09', 'school-2'))).toMatchObject({
      rule: 'ROLE',
      violation: 'forbidden',
    });
  });
});
