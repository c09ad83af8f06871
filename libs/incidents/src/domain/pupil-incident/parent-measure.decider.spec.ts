import { given, play } from '@casebook/testing';
import { as, director, measure, pupilIncidentDecider, report, teacher } from './pupil-incident.fixtures';

// P7 (domain.md revision 2): "maatregelen tegen leerlingen en/of ouders" — a warning or a school-access ban for a
// parent of the case, by the director of the school or the board, told to the parent in writing.
const parentReport = () =>
  report({
    involved: [
      { personId: 'pupil-victim', personKind: 'pupil', role: 'victim' },
      { personId: 'parent-angry', personKind: 'parent', role: 'perpetrator' },
      { personId: 'parent-witness', personKind: 'parent', role: 'witness' },
    ],
  });
const parentPerpetrator = () => play(pupilIncidentDecider, [parentReport()]);

describe('measures against a parent (P7)', () => {
  it('warns a parent of the case, or bans them from the school until a set day (P7)', () => {
    const warning = measure({ subjectId: 'parent-angry', measure: 'warning', reason: 'Threatened a teacher in the school yard' });
    expect(given(pupilIncidentDecider, parentPerpetrator()).when(warning)).toMatchObject([
      { type: 'MeasureImposed', data: { subjectId: 'parent-angry', subjectKind: 'parent', measure: 'warning', obligations: [{ kind: 'inform-parents' }] } },
    ]);
    const ban = measure({ subjectId: 'parent-angry', measure: 'school-access-ban', endsOn: '2026-12-18', reason: 'Threats' });
    expect(given(pupilIncidentDecider, parentPerpetrator()).when(ban)).toMatchObject([{ data: { measure: 'school-access-ban', endsOn: '2026-12-18' } }]);
  });

  it('refuses a pupil measure for a parent, a ban without an end, and a parent ban for a pupil (P7, P1)', () => {
    expect(
      given(pupilIncidentDecider, parentPerpetrator()).when(
        measure({ subjectId: 'parent-angry', measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-09' }),
      ),
    ).toMatchObject({ rule: 'P7' });
    expect(given(pupilIncidentDecider, parentPerpetrator()).when(measure({ subjectId: 'parent-angry', measure: 'school-access-ban' }))).toMatchObject({
      rule: 'P7',
    });
    expect(
      given(pupilIncidentDecider, parentPerpetrator()).when(measure({ subjectId: 'parent-angry', measure: 'school-access-ban', endsOn: '2026-11-01' })),
    ).toMatchObject({ rule: 'P7' });
    expect(
      given(pupilIncidentDecider, parentPerpetrator()).when(measure({ subjectId: 'pupil-victim', measure: 'school-access-ban', endsOn: '2026-12-18' })),
    ).toMatchObject({ rule: 'P1' });
    expect(given(pupilIncidentDecider, parentPerpetrator()).when(measure({ subjectId: 'parent-angry' }, teacher))).toMatchObject({
      rule: 'P3',
      violation: 'forbidden',
    });
    expect(given(pupilIncidentDecider, parentPerpetrator()).when(measure({ subjectId: 'parent-witness' }))).toMatchObject({
      rule: 'P7',
      message: expect.stringMatching(/perpetrator/),
    });
  });

  it('closes the notice to the parent only with a letter or an e-mail (P7)', () => {
    const warning = measure({ subjectId: 'parent-angry', measure: 'warning' });
    const history = play(pupilIncidentDecider, [parentReport(), warning]);
    const told = (channel: 'phone' | 'letter') => ({
      type: 'RecordParentsInformedOfMeasure' as const,
      context: as(director),
      data: { regarding: warning.data.measureId, channel, informedAt: '2026-11-04T09:30:00.000Z' },
    });
    expect(given(pupilIncidentDecider, history).when(told('phone'))).toMatchObject({ rule: 'P7' });
    expect(given(pupilIncidentDecider, history).when(told('letter'))).toMatchObject([{ type: 'ParentsInformed' }]);
  });
});
