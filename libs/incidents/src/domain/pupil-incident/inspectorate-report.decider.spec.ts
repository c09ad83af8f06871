import { given, play } from '@casebook/testing';
import type { RecordInspectorateReport } from './pupil-incident.commands';
import { NOW, as, board, director, measure, pupilIncidentDecider, report, teacher } from './pupil-incident.fixtures';

const suspension = (subjectId = 'pupil-bully') => measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-10', subjectId });
const reportToInspectorate = (data: Partial<RecordInspectorateReport['data']> = {}, actor = director, now = NOW): RecordInspectorateReport => ({
  type: 'RecordInspectorateReport',
  context: as(actor, now),
  data: { reportedAt: '2026-11-04T09:00:00.000Z', reference: 'ISD-2026-118', ...data },
});

describe('the report of a suspension to the Inspectorate (P5)', () => {
  it('closes the report obligation the suspension opened, naming the suspension (P5)', () => {
    const suspended = suspension();
    const decision = given(pupilIncidentDecider, play(pupilIncidentDecider, [report(), suspended])).when(reportToInspectorate());
    expect(decision).toEqual([
      {
        type: 'InspectorateReported',
        data: {
          regarding: suspended.data.measureId,
          reportedAt: '2026-11-04T09:00:00.000Z',
          reference: 'ISD-2026-118',
          recordedBy: director.id,
          closesObligationId: suspended.data.obligationIds.inspectorateReport,
        },
      },
    ]);
  });

  it('refuses a report when none is open, a second report, or an unnamed one among several (P5)', () => {
    const first = suspension();
    const second = suspension('pupil-victim'); // two pupils: one pupil's suspensions never overlap (P5)
    const history = play(pupilIncidentDecider, [report(), first, second]);
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report()])).when(reportToInspectorate())).toMatchObject({
      rule: 'P5',
      violation: 'conflict',
    });
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate())).toMatchObject({ rule: 'P5' });
    const done = play(pupilIncidentDecider, [report(), first, reportToInspectorate({ regarding: first.data.measureId })]);
    expect(given(pupilIncidentDecider, done).when(reportToInspectorate({ regarding: first.data.measureId }))).toMatchObject({ rule: 'P5' });
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate({ regarding: 'measure-unknown' }))).toMatchObject({
      rule: 'P5',
      violation: 'not-found',
    });
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate({ regarding: second.data.measureId }))).toHaveLength(1);
  });

  it('is recorded by a director or the board, never dated in the future (P5, B4)', () => {
    const history = play(pupilIncidentDecider, [report(), suspension()]);
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate({}, teacher))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate({}, board))).toHaveLength(1);
    expect(given(pupilIncidentDecider, history).when(reportToInspectorate({ reportedAt: '2026-11-05T09:00:00.000Z' }))).toMatchObject({ rule: 'B4' });
  });
});
