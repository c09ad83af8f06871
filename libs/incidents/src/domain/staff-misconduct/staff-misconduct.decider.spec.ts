import { given, play } from '@casebook/testing';
import { as, board, call, director, hr, qualify, reportStaff, staffDecider } from './staff-misconduct.fixtures';

const reported = () => play(staffDecider, [reportStaff()]);

const measure = (overrides: Record<string, unknown> = {}, actor = board) => ({
  type: 'ImposeDisciplinaryMeasure' as const,
  context: as(actor),
  data: { measureId: 'dm-1', subjectId: 'staff-teacher-5', measure: 'reprimand' as const, reason: 'Broke the protocol twice', ...overrides },
});

describe('staff misconduct', () => {
  it('requires a staff member as perpetrator (SC1)', () => {
    const report = reportStaff();
    const noStaff = {
      ...report,
      report: { ...report.report, data: { ...report.report.data, involved: [{ personId: 'pupil-3', personKind: 'pupil' as const, role: 'victim' as const }] } },
    };
    expect(given(staffDecider, []).when(noStaff)).toMatchObject({ rule: 'SC1' });
  });

  it('files correspondence in the personnel file of the staff member, and lets HR record it (F1)', () => {
    const correspondence = {
      type: 'RecordCorrespondence' as const,
      context: as(hr),
      data: {
        correspondenceId: 'c-1',
        direction: 'incoming' as const,
        counterpart: 'staff' as const,
        channel: 'e-mail' as const,
        occurredAt: '2026-11-05T12:00:00.000Z',
        summary: 'Reply of the staff member',
      },
    };
    expect(given(staffDecider, reported()).when(correspondence)).toMatchObject([
      { type: 'CorrespondenceRecorded', data: { filedIn: { file: 'personnel-file', personIds: ['staff-teacher-5'] } } },
    ]);
  });

  it('lets only the board qualify the conduct as dereliction of duty (S8)', () => {
    expect(given(staffDecider, reported()).when(qualify('dereliction-of-duty', director))).toMatchObject({ rule: 'S8', violation: 'forbidden' });
    expect(given(staffDecider, reported()).when(qualify('dereliction-of-duty'))).toEqual([
      { type: 'StaffConductQualified', data: { qualification: 'dereliction-of-duty', rationale: expect.any(String), qualifiedBy: board.id } },
    ]);
  });

  it('refuses a qualification without rationale, and the same qualification twice (S8)', () => {
    const blank = { ...qualify('dereliction-of-duty'), data: { ...qualify('dereliction-of-duty').data, rationale: '  ' } };
    expect(given(staffDecider, reported()).when(blank)).toMatchObject({ rule: 'S8' });
    const qualified = play(staffDecider, [reportStaff(), qualify('dereliction-of-duty')]);
    expect(given(staffDecider, qualified).when(qualify('dereliction-of-duty'))).toMatchObject({ rule: 'S8' });
  });

  it('puts a boundary-crossing qualification in the inspector queue, due in one working day (B1)', () => {
    expect(given(staffDecider, reported()).when(qualify('boundary-crossing'))).toEqual([
      expect.objectContaining({ type: 'StaffConductQualified' }),
      {
        type: 'InspectorNotificationQueued',
        // Friday 10:00 + one working day = Monday 10:00: the weekend does not count.
        data: {
          basis: 'policy',
          obligation: { obligationId: 'item-boundary-crossing', kind: 'inspector-call-policy', regarding: 'staff-case-1', dueAt: '2026-11-09T10:00:00.000Z' },
        },
      },
    ]);
    expect(given(staffDecider, reported()).when(qualify('boundary-crossing', director))).toMatchObject({ rule: 'B1', violation: 'forbidden' });
  });

  it('closes the queue item when the board records the call, and refuses a call with no item (B1)', () => {
    const queued = play(staffDecider, [reportStaff(), qualify('boundary-crossing')]);
    expect(given(staffDecider, queued).when(call())).toMatchObject([
      { type: 'InspectorCalled', data: { closesObligationIds: ['item-boundary-crossing'], inspectorReference: 'LVI-2026-1182' } },
    ]);
    expect(given(staffDecider, queued).when(call(undefined, director))).toMatchObject({ rule: 'B1', violation: 'forbidden' });
    expect(given(staffDecider, reported()).when(call())).toMatchObject({ rule: 'B1' });
    expect(given(staffDecider, play(staffDecider, [reportStaff(), qualify('boundary-crossing'), call()])).state.inspectorItemsOpen).toEqual({});
  });

  it('queues a statutory item at once for signs of a sexual offence against a pupil, and its call needs a conclusion (B3)', () => {
    const decision = given(staffDecider, []).when(reportStaff('sexual-offence-against-pupil'));
    expect(decision).toMatchObject([
      { type: 'IncidentReported' },
      { type: 'InspectorNotificationQueued', data: { basis: 'statutory', obligation: { kind: 'inspector-call-statutory', obligationId: 'statutory-item-1' } } },
    ]);
    const history = play(staffDecider, [reportStaff('sexual-offence-against-pupil')]);
    expect(given(staffDecider, history).when(call())).toMatchObject({ rule: 'B3' });
    const after = play(staffDecider, [reportStaff('sexual-offence-against-pupil'), call('reasonable-suspicion')]);
    expect(given(staffDecider, after).state.statutoryConclusion).toBe('reasonable-suspicion');
  });

  it('lets only the board impose a disciplinary measure, on a staff member of the case (S9)', () => {
    expect(given(staffDecider, reported()).when(measure({ measure: 'warning' }, director))).toMatchObject({ rule: 'S9', violation: 'forbidden' });
    expect(given(staffDecider, reported()).when(measure({ measure: 'warning', subjectId: 'pupil-3' }))).toMatchObject({ rule: 'S9' });
    expect(given(staffDecider, reported()).when(measure({ measure: 'warning' }))).toMatchObject([
      { type: 'DisciplinaryMeasureImposed', data: { measure: 'warning' } },
    ]);
  });

  it('records a manager consultation (S10)', () => {
    const consult = {
      type: 'RecordManagerConsultation' as const,
      context: as(director),
      data: { consultationId: 'mc-1', consultedAt: '2026-11-02T08:00:00.000Z', summary: 'Asked whether a post about the school was allowed' },
    };
    expect(given(staffDecider, reported()).when(consult)).toMatchObject([{ type: 'ManagerConsulted', data: { consultationId: 'mc-1' } }]);
    expect(given(staffDecider, reported()).when({ ...consult, data: { ...consult.data, summary: '' } })).toMatchObject({ rule: 'S10' });
  });

  it('leaves closing a staff case to the board (role table)', () => {
    const close = (actor = director) => ({ type: 'CloseIncident' as const, context: as(actor), data: { outcome: 'settled' } });
    expect(given(staffDecider, reported()).when(close())).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(staffDecider, reported()).when(close(board))).toHaveLength(1);
  });
});
