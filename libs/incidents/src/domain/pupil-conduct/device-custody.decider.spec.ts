import { given, play } from '@casebook/testing';
import { isRuleViolation } from '../shared/rule-violation';
import type { DeviceTakenIntoCustody, PupilConductEvent } from './pupil-conduct.events';
import { at, custody, pupilConductDecider } from './pupil-conduct.fixtures';

const taken = (events: readonly PupilConductEvent[] | unknown): DeviceTakenIntoCustody['data'] => {
  if (!Array.isArray(events) || events.length !== 1) throw new Error(`expected one event, got ${JSON.stringify(events)}`);
  return (events[0] as DeviceTakenIntoCustody).data;
};

describe('device custody', () => {
  describe('offence ladder', () => {
    it('keeps the device of a first offence until the end of the school day, without telling the parents (M1)', () => {
      const command = custody();
      const event = taken(given(pupilConductDecider, []).when(command));
      expect(event.offenceNumber).toBe(1);
      expect(event.custodyUntil).toBe(command.data.endOfSchoolDay);
      expect(event.obligations.map((o) => o.kind)).toEqual(['device-return']);
    });

    it('refuses a custodyUntil on a first offence: the protocol sets it (M1)', () => {
      const decision = given(pupilConductDecider, []).when(custody(undefined, { custodyUntil: '2026-11-09T14:30:00.000Z' }));
      expect(decision).toMatchObject({ kind: 'rule-violation', rule: 'M1' });
    });

    it('keeps the device of a second offence longer and opens an "inform parents" obligation (M2)', () => {
      const history = play(pupilConductDecider, [custody('2026-10-05T09:00:00.000Z')]);
      const command = custody();
      const event = taken(given(pupilConductDecider, history).when(command));
      expect(event.offenceNumber).toBe(2);
      expect(event.custodyUntil).toBe(command.data.endOfNextSchoolDay);
      expect(event.obligations).toContainEqual({
        obligationId: command.data.informParentsObligationId,
        kind: 'inform-parents',
        regarding: command.data.custodyId,
        dueAt: '2026-11-04T09:30:00.000Z',
      });
    });

    it('refuses a second-offence custodyUntil that is not longer than the school day (M2)', () => {
      const history = play(pupilConductDecider, [custody('2026-10-05T09:00:00.000Z')]);
      const decision = given(pupilConductDecider, history).when(custody(undefined, { custodyUntil: '2026-11-02T12:00:00.000Z' }));
      expect(decision).toMatchObject({ rule: 'M2' });
    });

    it('requires custodyUntil set by the director from the third offence in a school year (M3)', () => {
      const history = play(pupilConductDecider, [custody('2026-09-07T09:00:00.000Z'), custody('2026-10-05T09:00:00.000Z')]);
      expect(given(pupilConductDecider, history).when(custody())).toMatchObject({ kind: 'rule-violation', rule: 'M3' });

      const event = taken(given(pupilConductDecider, history).when(custody(undefined, { custodyUntil: '2026-11-06T14:30:00.000Z' })));
      expect(event).toMatchObject({ offenceNumber: 3, custodyUntil: '2026-11-06T14:30:00.000Z' });
      expect(event.obligations.map((o) => o.kind)).toEqual(['device-return', 'inform-parents']);
    });

    it('refuses a third-offence custodyUntil in the past (M3)', () => {
      const history = play(pupilConductDecider, [custody('2026-09-07T09:00:00.000Z'), custody('2026-10-05T09:00:00.000Z')]);
      expect(given(pupilConductDecider, history).when(custody(undefined, { custodyUntil: '2026-11-01T14:30:00.000Z' }))).toMatchObject({
        rule: 'M3',
      });
    });
  });

  describe('taking a device (M4)', () => {
    it.each([
      ['the pupil was not present', { pupilPresent: false }],
      ['the device was not switched off', { switchedOff: false }],
      ['the condition was not recorded', { conditionChecked: undefined }],
    ])('refuses custody when %s (M4)', (_label, overrides) => {
      const decision = given(pupilConductDecider, []).when(custody(undefined, overrides));
      expect(decision).toMatchObject({ kind: 'rule-violation', violation: 'conflict', rule: 'M4' });
    });

    it('records the condition found, the presence of the pupil and that it was switched off (M4)', () => {
      const event = taken(given(pupilConductDecider, []).when(custody(undefined, { conditionChecked: { damage: 'cracked screen', working: true } })));
      expect(event).toMatchObject({ conditionChecked: { damage: 'cracked screen', working: true }, pupilPresent: true, switchedOff: true });
    });
  });

  describe('counting offences (M5)', () => {
    it('counts per school year: the first custody after 1 August is a first offence again (M5)', () => {
      const history = play(pupilConductDecider, [custody('2027-06-14T09:00:00.000Z'), custody('2027-07-05T09:00:00.000Z')]);
      const event = taken(given(pupilConductDecider, history).when(custody('2027-08-30T09:00:00.000Z')));
      expect(event).toMatchObject({ schoolYear: 2027, offenceNumber: 1 });
      expect(history.map((e) => (e as DeviceTakenIntoCustody).data)).toMatchObject([
        { schoolYear: 2026, offenceNumber: 1 },
        { schoolYear: 2026, offenceNumber: 2 },
      ]);
    });

    it('numbers offences n and n+1 in the order they are recorded (M5)', () => {
      const events = play(pupilConductDecider, [custody(), custody(undefined, {}), custody(undefined, { custodyUntil: '2026-11-20T14:30:00.000Z' })]);
      expect(events.map((e) => (e as DeviceTakenIntoCustody).data.offenceNumber)).toEqual([1, 2, 3]);
    });

    it('refuses the same custody id twice (M5: one offence is counted once)', () => {
      const command = custody();
      const history = play(pupilConductDecider, [command]);
      expect(given(pupilConductDecider, history).when(command)).toMatchObject({ rule: 'M5' });
    });
  });

  describe('the moment taken (M1, revision 2)', () => {
    it('records the moment the command gives, not the moment it is recorded, and never one in the future (M1, B4)', () => {
      const later = custody('2026-11-02T11:00:00.000Z', { takenAt: '2026-11-02T09:10:00.000Z' });
      expect(taken(given(pupilConductDecider, []).when(later)).takenAt).toBe('2026-11-02T09:10:00.000Z');
      const future = custody('2026-11-02T11:00:00.000Z', { takenAt: '2026-11-02T11:00:01.000Z' });
      expect(given(pupilConductDecider, []).when(future)).toMatchObject({ rule: 'B4' });
    });

    it('counts the offence in the school year of the moment taken (M1, M5)', () => {
      // Taken on 31 July (school year 2025), recorded on 1 August: not a first offence of school year 2026.
      const history = play(pupilConductDecider, [custody('2026-06-01T09:00:00.000Z')]);
      const late = custody('2026-08-01T09:00:00.000Z', { takenAt: '2026-07-31T09:00:00.000Z' });
      expect(taken(given(pupilConductDecider, history).when(late))).toMatchObject({ schoolYear: 2025, offenceNumber: 2 });
    });
  });

  describe('returning a device (M6)', () => {
    it('records to whom and when, closing the return obligation (M6)', () => {
      const command = custody();
      const history = play(pupilConductDecider, [command]);
      const decision = given(pupilConductDecider, history).when({
        type: 'ReturnDevice',
        context: at('2026-11-02T15:00:00.000Z'),
        data: { custodyId: command.data.custodyId, returnedTo: 'pupil', returnedAt: '2026-11-02T14:35:00.000Z' },
      });
      expect(decision).toEqual([
        {
          type: 'DeviceReturned',
          data: {
            custodyId: command.data.custodyId,
            returnedTo: 'pupil',
            returnedAt: '2026-11-02T14:35:00.000Z',
            closesObligationId: command.data.returnObligationId,
          },
        },
      ]);
    });

    it('refuses an unknown custody, a second return, and a return before the device was taken (M6)', () => {
      const command = custody();
      const returned = {
        type: 'ReturnDevice' as const,
        context: at('2026-11-02T15:00:00.000Z'),
        data: { custodyId: command.data.custodyId, returnedTo: 'parent' as const, returnedAt: '2026-11-02T14:40:00.000Z' },
      };
      const afterReturn = play(pupilConductDecider, [command, returned]);
      expect(given(pupilConductDecider, afterReturn).when(returned)).toMatchObject({ rule: 'M6' });
      expect(given(pupilConductDecider, []).when(returned)).toMatchObject({ rule: 'M6', violation: 'not-found' });
      const early = { ...returned, data: { ...returned.data, returnedAt: '2026-11-02T08:00:00.000Z' } };
      expect(given(pupilConductDecider, play(pupilConductDecider, [command])).when(early)).toMatchObject({ rule: 'M6' });
    });

    it('records a return before the due time, also before the custody was recorded: a fact is not refused (FACT1)', () => {
      // Taken at 09:10, recorded at 11:00, given back at 10:00: early, and before the record, but after the taking.
      const command = custody('2026-11-02T11:00:00.000Z', { takenAt: '2026-11-02T09:10:00.000Z' });
      const decision = given(pupilConductDecider, play(pupilConductDecider, [command])).when({
        type: 'ReturnDevice',
        context: at('2026-11-02T11:05:00.000Z'),
        data: { custodyId: command.data.custodyId, returnedTo: 'parent', returnedAt: '2026-11-02T10:00:00.000Z' },
      });
      expect(decision).toMatchObject([
        { type: 'DeviceReturned', data: { returnedAt: '2026-11-02T10:00:00.000Z', closesObligationId: command.data.returnObligationId } },
      ]);
    });

    it('refuses a return dated in the future (B4)', () => {
      const command = custody();
      const decision = given(pupilConductDecider, play(pupilConductDecider, [command])).when({
        type: 'ReturnDevice',
        context: at('2026-11-02T15:00:00.000Z'),
        data: { custodyId: command.data.custodyId, returnedTo: 'pupil', returnedAt: '2026-11-03T08:00:00.000Z' },
      });
      expect(isRuleViolation(decision) && decision.rule).toBe('B4');
    });
  });

  describe('a device not returned in time (M6)', () => {
    const system = (now: string) => ({ actor: { id: 'casebook-reminders', role: 'board' as const, schools: [] }, now });
    const flag = (custodyId: string, now: string) => ({ type: 'FlagOverdueDevice' as const, context: system(now), data: { custodyId } });

    it('records a device not returned by its due time as overdue, once (M6)', () => {
      const command = custody();
      const history = play(pupilConductDecider, [command]);
      const dueAt = command.data.endOfSchoolDay;
      expect(given(pupilConductDecider, history).when(flag(command.data.custodyId, '2026-11-02T14:00:00.000Z'))).toEqual([]);
      const overdue = given(pupilConductDecider, history).when(flag(command.data.custodyId, '2026-11-02T15:00:00.000Z'));
      expect(overdue).toEqual([
        {
          type: 'DeviceReturnOverdue',
          data: {
            custodyId: command.data.custodyId,
            pupilId: 'pupil-1',
            schoolId: 'school-1',
            offenceNumber: 1,
            obligationId: command.data.returnObligationId,
            dueAt,
          },
        },
      ]);
      const flagged = play(pupilConductDecider, [command, flag(command.data.custodyId, '2026-11-02T15:00:00.000Z')]);
      expect(given(pupilConductDecider, flagged).when(flag(command.data.custodyId, '2026-11-03T15:00:00.000Z'))).toEqual([]);
    });

    it('never records a returned device as overdue, and knows no custody it never took (M6)', () => {
      const command = custody();
      const returned = {
        type: 'ReturnDevice' as const,
        context: at('2026-11-02T15:00:00.000Z'),
        data: { custodyId: command.data.custodyId, returnedTo: 'pupil' as const, returnedAt: '2026-11-02T14:40:00.000Z' },
      };
      expect(given(pupilConductDecider, play(pupilConductDecider, [command, returned])).when(flag(command.data.custodyId, '2026-11-04T09:00:00.000Z'))).toEqual(
        [],
      );
      expect(given(pupilConductDecider, []).when(flag('custody-unknown', '2026-11-04T09:00:00.000Z'))).toMatchObject({ rule: 'M6', violation: 'not-found' });
    });
  });
});
