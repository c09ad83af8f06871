import type { Actor } from '../shared/actor';
import { decideLegalHold, decidePersonRecord, evolveLegalHold, initialLegalHoldState, initialPersonRecordState } from './privacy.decider';

const as = (role: Actor['role']): { actor: Actor; now: string } => ({
  actor: { id: `${role}-1`, role, schools: ['school-1'] },
  now: '2026-11-25T10:00:00.000Z',
});
const incidentId = '00000000-0000-4000-8000-000000000001';

describe('legal hold (HOLD)', () => {
  it('is placed and lifted by the board or legal, each with a reason (HOLD)', () => {
    const placed = decideLegalHold({ type: 'PlaceLegalHold', context: as('legal'), data: { incidentId, reason: 'Court case' } }, initialLegalHoldState);
    expect(placed).toEqual([{ type: 'LegalHoldPlaced', data: { incidentId, reason: 'Court case', placedBy: 'legal-1' } }]);
    const held = evolveLegalHold(initialLegalHoldState, (placed as never[])[0]!);
    expect(decideLegalHold({ type: 'LiftLegalHold', context: as('board'), data: { incidentId, reason: 'Settled' } }, held)).toEqual([
      { type: 'LegalHoldLifted', data: { incidentId, reason: 'Settled', liftedBy: 'board-1' } },
    ]);
  });

  it('refuses a director, a second hold, lifting none, and a blank reason (HOLD)', () => {
    expect(decideLegalHold({ type: 'PlaceLegalHold', context: as('director'), data: { incidentId, reason: 'x' } }, initialLegalHoldState)).toMatchObject({
      rule: 'HOLD',
      violation: 'forbidden',
    });
    expect(decideLegalHold({ type: 'PlaceLegalHold', context: as('legal'), data: { incidentId, reason: 'x' } }, { held: true })).toMatchObject({
      rule: 'HOLD',
      violation: 'conflict',
    });
    expect(decideLegalHold({ type: 'LiftLegalHold', context: as('legal'), data: { incidentId, reason: 'x' } }, initialLegalHoldState)).toMatchObject({
      rule: 'HOLD',
    });
    expect(decideLegalHold({ type: 'PlaceLegalHold', context: as('legal'), data: { incidentId, reason: ' ' } }, initialLegalHoldState)).toMatchObject({
      rule: 'HOLD',
    });
  });
});

describe('person record (retention start, erasure)', () => {
  it("records a pupil's departure by hand only with its school, by the director of that school or the board (DIR3)", () => {
    const depart = (role: Actor['role'], schoolId: string | null) =>
      decidePersonRecord(
        { type: 'RecordDeparture', context: as(role), data: { personId: 'pupil-1', personKind: 'pupil', leftOn: '2024-07-15', schoolId } },
        initialPersonRecordState,
      );
    expect(depart('director', 'school-1')).toEqual([
      { type: 'PersonDeparted', data: { personId: 'pupil-1', personKind: 'pupil', leftOn: '2024-07-15', schoolId: 'school-1', recordedBy: 'director-1' } },
    ]);
    expect(depart('director', 'school-2')).toMatchObject({ rule: 'DIR3', violation: 'forbidden' });
    expect(depart('director', null)).toMatchObject({ rule: 'DIR3', violation: 'conflict' });
    expect(depart('board', null)).toHaveLength(1);
  });

  it('records a pupil leaving by a director, a staff member leaving by HR, not the other way round', () => {
    expect(
      decidePersonRecord(
        { type: 'RecordDeparture', context: as('director'), data: { personId: 'pupil-1', personKind: 'pupil', leftOn: '2024-07-15', schoolId: 'school-1' } },
        initialPersonRecordState,
      ),
    ).toHaveLength(1);
    expect(
      decidePersonRecord(
        { type: 'RecordDeparture', context: as('hr'), data: { personId: 'staff-1', personKind: 'staff', leftOn: '2024-07-15', schoolId: null } },
        initialPersonRecordState,
      ),
    ).toHaveLength(1);
    expect(
      decidePersonRecord(
        { type: 'RecordDeparture', context: as('director'), data: { personId: 'staff-1', personKind: 'staff', leftOn: '2024-07-15', schoolId: null } },
        initialPersonRecordState,
      ),
    ).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });

  it('erases only for the board or legal, with a reason', () => {
    expect(
      decidePersonRecord(
        { type: 'EraseDataOf', context: as('legal'), data: { personId: 'pupil-1', basis: 'request', reason: 'Request of the parents' } },
        initialPersonRecordState,
      ),
    ).toEqual([{ type: 'PersonDataErased', data: { personId: 'pupil-1', basis: 'request', reason: 'Request of the parents', erasedBy: 'legal-1' } }]);
    expect(
      decidePersonRecord({ type: 'EraseDataOf', context: as('hr'), data: { personId: 'pupil-1', basis: 'request', reason: 'x' } }, initialPersonRecordState),
    ).toMatchObject({ violation: 'forbidden' });
  });
});
