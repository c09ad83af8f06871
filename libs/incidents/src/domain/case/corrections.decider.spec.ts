import { given, play } from '@casebook/testing';
import { as, board, director, measure, pupilIncidentDecider, report, teacher } from '../pupil-incident/pupil-incident.fixtures';
import { as as asStaff, board as staffBoard, director as staffDirector, reportStaff, staffDecider } from '../staff-misconduct/staff-misconduct.fixtures';

// COR1 (domain.md revision 2): corrections are new events; the earlier one stays in the history.
const reclassify = (category: string, actor = director, rationale = 'Corrected after the talk with the parents') => ({
  type: 'ReclassifyIncident' as const,
  context: as(actor),
  data: { category, rationale, statutoryObligationId: 'statutory-2' },
});

describe('corrections (COR1)', () => {
  it('reclassifies a pupil case, by its director or the board, into one of its own categories (COR1, SC1)', () => {
    const reported = play(pupilIncidentDecider, [report()]);
    expect(given(pupilIncidentDecider, reported).when(reclassify('offensive-content'))).toEqual([
      {
        type: 'IncidentReclassified',
        data: { from: 'cyberbullying', to: 'offensive-content', rationale: 'Corrected after the talk with the parents', reclassifiedBy: director.id },
      },
    ]);
    expect(given(pupilIncidentDecider, reported).when(reclassify('offensive-content', teacher))).toMatchObject({ rule: 'COR1', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, reported).when(reclassify('decency-violated'))).toMatchObject({ rule: 'SC1' });
    expect(given(pupilIncidentDecider, reported).when(reclassify('cyberbullying'))).toMatchObject({ rule: 'COR1' });
    expect(given(pupilIncidentDecider, reported).when(reclassify('offensive-content', director, ' '))).toMatchObject({ rule: 'COR1' });
    const after = play(pupilIncidentDecider, [report(), reclassify('offensive-content')]);
    expect(given(pupilIncidentDecider, after).state.category).toBe('offensive-content');
  });

  it('treats a staff case reclassified into signs of a sexual offence against a pupil as if reported so (COR1, B3)', () => {
    const reported = play(staffDecider, [reportStaff()]);
    const intoB3 = {
      type: 'ReclassifyIncident' as const,
      context: asStaff(staffBoard),
      data: { category: 'sexual-offence-against-pupil', rationale: 'The pupil told the confidential counsellor', statutoryObligationId: 'statutory-2' },
    };
    expect(given(staffDecider, reported).when(intoB3)).toMatchObject([
      { type: 'IncidentReclassified', data: { to: 'sexual-offence-against-pupil' } },
      { type: 'InspectorNotificationQueued', data: { basis: 'statutory', obligation: { obligationId: 'statutory-2', kind: 'inspector-call-statutory' } } },
    ]);
    expect(given(staffDecider, reported).when({ ...intoB3, context: asStaff(staffDirector) })).toMatchObject({ rule: 'COR1', violation: 'forbidden' });
    const statutory = play(staffDecider, [reportStaff(), intoB3]);
    expect(given(staffDecider, statutory).state.statutory).toBe(true);
    // Reclassified out again: the statutory duty stays (B3 cannot be undone by a new label).
    const out = play(staffDecider, [reportStaff(), intoB3, { ...intoB3, data: { ...intoB3.data, category: 'decency-violated' } }]);
    expect(given(staffDecider, out).state.statutory).toBe(true);
  });

  it("adds a person once, keeping the kind's rules (COR1, SC1)", () => {
    const add = (person: object, actor = director) => ({ type: 'AddInvolvedPerson' as const, context: as(actor), data: { person: person as never } });
    const reported = play(pupilIncidentDecider, [report()]);
    const witness = { personId: 'pupil-witness', personKind: 'pupil', role: 'witness', displayName: 'Sem' };
    expect(given(pupilIncidentDecider, reported).when(add(witness))).toEqual([
      { type: 'InvolvedPersonAdded', data: { involved: [witness], addedBy: director.id } },
    ]);
    expect(given(pupilIncidentDecider, reported).when(add({ personId: 'pupil-bully', personKind: 'pupil', role: 'witness' }))).toMatchObject({ rule: 'COR1' });
    expect(given(pupilIncidentDecider, reported).when(add(witness, teacher))).toMatchObject({ rule: 'COR1', violation: 'forbidden' });
    const added = play(pupilIncidentDecider, [report(), add(witness)]);
    expect(given(pupilIncidentDecider, added).state.involved.map((p) => p.personId)).toContain('pupil-witness');
  });

  it('withdraws a measure with a rationale; a withdrawn suspension no longer counts towards the week (COR1, P5)', () => {
    const week = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-13' });
    const withdraw = (withdrawnId: string, actor = director, rationale = 'Upheld on objection') => ({
      type: 'WithdrawMeasure' as const,
      context: as(actor),
      data: { withdrawnId, rationale },
    });
    const history = play(pupilIncidentDecider, [report(), week]);
    expect(given(pupilIncidentDecider, history).when(withdraw(week.data.measureId))).toEqual([
      { type: 'MeasureWithdrawn', data: { withdrawnId: week.data.measureId, rationale: 'Upheld on objection', withdrawnBy: director.id } },
    ]);
    expect(given(pupilIncidentDecider, history).when(withdraw('measure-unknown'))).toMatchObject({ rule: 'COR1', violation: 'not-found' });
    expect(given(pupilIncidentDecider, history).when(withdraw(week.data.measureId, director, ''))).toMatchObject({ rule: 'COR1' });
    const next = measure({ measure: 'suspension', startsOn: '2026-11-16', endsOn: '2026-11-16' });
    expect(given(pupilIncidentDecider, history).when(next)).toMatchObject({ rule: 'P5' });
    const withdrawn = play(pupilIncidentDecider, [report(), week, withdraw(week.data.measureId)]);
    expect(given(pupilIncidentDecider, withdrawn).when(next)).toMatchObject([{ type: 'MeasureImposed' }]);
    expect(given(pupilIncidentDecider, withdrawn).when(withdraw(week.data.measureId))).toMatchObject({ rule: 'COR1' });
    // A removal is withdrawn by the board only (P3).
    expect(given(pupilIncidentDecider, history).when(withdraw(week.data.measureId, board))).toHaveLength(1);
  });

  it('lets only the board withdraw a disciplinary measure (COR1)', () => {
    const warning = {
      type: 'ImposeDisciplinaryMeasure' as const,
      context: asStaff(staffBoard),
      data: { measureId: 'dm-9', subjectId: 'staff-teacher-5', measure: 'warning' as const, reason: 'Careless post' },
    };
    const history = play(staffDecider, [reportStaff(), warning]);
    const withdraw = (actor = staffBoard) => ({
      type: 'WithdrawMeasure' as const,
      context: asStaff(actor),
      data: { withdrawnId: 'dm-9', rationale: 'Settled' },
    });
    expect(given(staffDecider, history).when(withdraw())).toMatchObject([{ type: 'MeasureWithdrawn', data: { withdrawnId: 'dm-9' } }]);
    expect(given(staffDecider, history).when(withdraw(staffDirector))).toMatchObject({ rule: 'COR1', violation: 'forbidden' });
  });
});
