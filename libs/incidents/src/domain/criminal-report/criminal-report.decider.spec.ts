import { given, play } from '@casebook/testing';
import type { Actor } from '../shared/actor';
import { DEFAULT_POLICY } from '../shared/command-context';
import type { CriminalReportCommand, SourceCase } from './criminal-report.commands';
import { decideCriminalReport } from './criminal-report.decider';
import { evolveCriminalReport, initialCriminalReportState, type CriminalReportState } from './criminal-report.state';

const director: Actor = { id: 'staff-dir-1', role: 'director', schools: ['school-1'] };
const board: Actor = { id: 'board-1', role: 'board', schools: [] };
const NOW = '2026-11-04T10:00:00.000Z';
const decider = {
  initialState: initialCriminalReportState,
  evolve: evolveCriminalReport,
  decide: (command: CriminalReportCommand, state: CriminalReportState) => decideCriminalReport(command, state, DEFAULT_POLICY),
};

const pupilSource: SourceCase = {
  incidentId: 'incident-1',
  kind: 'pupil-incident',
  schoolId: 'school-1',
  category: 'cyberbullying',
  closed: false,
  statutoryConclusion: null,
};
const statutorySource: SourceCase = {
  incidentId: 'staff-case-1',
  kind: 'staff-misconduct',
  schoolId: 'school-1',
  category: 'sexual-offence-against-pupil',
  closed: false,
  statutoryConclusion: null,
};

const open = (source = pupilSource, actor = director) => ({
  type: 'OpenCriminalReportDecision' as const,
  context: { actor, now: NOW },
  data: { decisionId: 'decision-1', source, suspectedOffence: 'Threat (art. 285 Sr)' },
});
const decide = (decision: 'report' | 'do-not-report', rationale = '', source = pupilSource, actor = board) => ({
  type: 'DecideCriminalReport' as const,
  context: { actor, now: NOW },
  data: { decision, rationale, policeReportObligationId: 'police-1', source },
});
const policeReport = {
  type: 'RecordPoliceReport' as const,
  context: { actor: board, now: NOW },
  data: { filedAt: '2026-11-04T09:00:00.000Z', policeStation: 'Utrecht Centrum', policeReference: 'PL0900-2026-123' },
};

describe('criminal-report decisions', () => {
  it('opens a decision from a pupil incident, linked to it (P4)', () => {
    expect(given(decider, []).when(open())).toMatchObject([
      {
        type: 'CriminalReportDecisionOpened',
        data: { decisionId: 'decision-1', sourceIncidentId: 'incident-1', sourceKind: 'pupil-incident', statutory: false },
      },
    ]);
    expect(given(decider, []).when(open({ ...pupilSource, schoolId: 'school-9' }))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });

  it('is opened by a director or the board, naming the suspected offence, from an open case (P4)', () => {
    const teacher: Actor = { id: 'staff-teacher-1', role: 'teacher', schools: ['school-1'] };
    expect(given(decider, []).when(open(pupilSource, teacher))).toMatchObject({ rule: 'P4', violation: 'forbidden' });
    const unnamed = { ...open(), data: { ...open().data, suspectedOffence: ' ' } };
    expect(given(decider, []).when(unnamed)).toMatchObject({ rule: 'P4' });
    expect(given(decider, []).when(open({ ...pupilSource, closed: true }))).toMatchObject({ rule: 'CLOSED' });
    expect(given(decider, []).when(open(pupilSource, board))).toHaveLength(1);
  });

  it('needs a rationale to decide not to report (B2)', () => {
    const opened = play(decider, [open()]);
    expect(given(decider, opened).when(decide('do-not-report'))).toMatchObject({ rule: 'B2' });
    expect(given(decider, opened).when(decide('do-not-report', 'Legal advice: no offence'))).toMatchObject([
      { data: { decision: 'do-not-report', obligations: [] } },
    ]);
  });

  it('lets only the board decide (B2)', () => {
    expect(given(decider, play(decider, [open()])).when(decide('report', '', pupilSource, director))).toMatchObject({ rule: 'B2', violation: 'forbidden' });
  });

  it('keeps a decision to report open until the police report is recorded (B2)', () => {
    const decided = play(decider, [open(), decide('report')]);
    expect(given(decider, decided).state).toMatchObject({ decision: 'report', policeReportObligationId: 'police-1', policeReportFiled: false });
    expect(given(decider, decided).when(policeReport)).toMatchObject([
      { type: 'PoliceReportFiled', data: { closesObligationId: 'police-1', policeReference: 'PL0900-2026-123' } },
    ]);
    expect(given(decider, play(decider, [open(), decide('report'), policeReport])).when(policeReport)).toMatchObject({ rule: 'B2' });
    expect(given(decider, play(decider, [open(), decide('do-not-report', 'No offence')])).when(policeReport)).toMatchObject({ rule: 'B2' });
  });

  it('refuses do-not-report once the statutory consultation found a reasonable suspicion (B3)', () => {
    const opened = play(decider, [open(statutorySource, board)]);
    expect(given(decider, opened).state.statutory).toBe(true);
    const suspicion = { ...statutorySource, statutoryConclusion: 'reasonable-suspicion' as const };
    expect(given(decider, opened).when(decide('do-not-report', 'We doubt it', suspicion))).toMatchObject({ rule: 'B3' });
    const noSuspicion = { ...statutorySource, statutoryConclusion: 'no-reasonable-suspicion' as const };
    expect(given(decider, opened).when(decide('do-not-report', 'Inspector found no reasonable suspicion', noSuspicion))).toHaveLength(1);
  });

  it('decides nothing under the statutory duty before the consultation is recorded with its conclusion (B3, revision 2)', () => {
    const opened = play(decider, [open(statutorySource, board)]);
    expect(given(decider, opened).when(decide('do-not-report', 'Legal advice', statutorySource))).toMatchObject({ rule: 'B3' });
    expect(given(decider, opened).when(decide('report', 'Report at once', statutorySource))).toMatchObject({ rule: 'B3' });
    const consulted = { ...statutorySource, statutoryConclusion: 'no-reasonable-suspicion' as const };
    expect(given(decider, opened).when(decide('report', 'Report anyway', consulted))).toMatchObject([{ data: { decision: 'report' } }]);
    // Not under the statutory duty: decided at once (B2).
    expect(given(decider, play(decider, [open()])).when(decide('do-not-report', 'No offence'))).toHaveLength(1);
  });

  it('excludes a board member involved in the source case from opening or deciding it (CI1)', () => {
    const involvedSource = { ...pupilSource, excluded: ['board-1'] };
    expect(given(decider, []).when(open(involvedSource, board))).toMatchObject({ rule: 'CI1', violation: 'forbidden' });
    const opened = play(decider, [open()]);
    expect(given(decider, opened).when(decide('report', 'A threat', involvedSource))).toMatchObject({ rule: 'CI1', violation: 'forbidden' });
    expect(given(decider, opened).when(decide('report', 'A threat', { ...pupilSource, excluded: ['board-2'] }))).toHaveLength(1);
  });

  it('opens the notices to the parents and the accused with a statutory decision to report, each closed once (B3, revision 2)', () => {
    const consulted = { ...statutorySource, statutoryConclusion: 'reasonable-suspicion' as const };
    const withNotices = {
      ...decide('report', 'Reasonable suspicion', consulted),
      data: { ...decide('report', 'Reasonable suspicion', consulted).data, noticeObligationIds: { parents: 'notice-p', accused: 'notice-a' } },
    };
    const decided = given(decider, play(decider, [open(statutorySource, board)])).when(withNotices);
    expect(decided).toMatchObject([
      {
        data: {
          obligations: [
            { kind: 'police-report' },
            { obligationId: 'notice-p', kind: 'inform-parents-before-police-report' },
            { obligationId: 'notice-a', kind: 'inform-accused-before-police-report' },
          ],
        },
      },
    ]);
    const notice = (to: 'parents' | 'accused', actor = board) => ({
      type: 'RecordStatutoryNotice' as const,
      context: { actor, now: NOW },
      data: { to, channel: 'letter' as const, informedAt: '2026-11-04T09:00:00.000Z' },
    });
    const history = play(decider, [open(statutorySource, board), withNotices]);
    expect(given(decider, history).when(notice('parents'))).toEqual([
      {
        type: 'StatutoryNoticeGiven',
        data: { informed: 'parents', channel: 'letter', informedAt: '2026-11-04T09:00:00.000Z', informedBy: board.id, closesObligationId: 'notice-p' },
      },
    ]);
    expect(given(decider, history).when(notice('accused', director))).toMatchObject({ rule: 'B3', violation: 'forbidden' });
    expect(given(decider, play(decider, [open(statutorySource, board), withNotices, notice('parents')])).when(notice('parents'))).toMatchObject({ rule: 'B3' });
    // Not under the statutory duty: no notices.
    const plain = { ...decide('report'), data: { ...decide('report').data, noticeObligationIds: { parents: 'notice-p', accused: 'notice-a' } } };
    expect(given(decider, play(decider, [open()])).when(plain)).toMatchObject([{ data: { obligations: [{ kind: 'police-report' }] } }]);
    expect(given(decider, play(decider, [open(), plain])).when(notice('parents'))).toMatchObject({ rule: 'B3' });
  });

  it('refuses a police report filed in the future (B4)', () => {
    const decided = play(decider, [open(), decide('report')]);
    expect(given(decider, decided).when({ ...policeReport, data: { ...policeReport.data, filedAt: '2026-11-05T09:00:00.000Z' } })).toMatchObject({
      rule: 'B4',
    });
  });

  it('records a police report filed while notices are open, and a notice after it as late — never "before" (B3, FACT1)', () => {
    const consulted = { ...statutorySource, statutoryConclusion: 'reasonable-suspicion' as const };
    const withNotices = {
      ...decide('report', 'Reasonable suspicion', consulted),
      data: { ...decide('report', 'Reasonable suspicion', consulted).data, noticeObligationIds: { parents: 'notice-p', accused: 'notice-a' } },
    };
    const notice = (to: 'parents' | 'accused', informedAt: string) => ({
      type: 'RecordStatutoryNotice' as const,
      context: { actor: board, now: NOW },
      data: { to, channel: 'letter' as const, informedAt },
    });
    // FACT1: the filing is a fact; the notices still open were due before it, and are due at it from now on.
    const opened = play(decider, [open(statutorySource, board), withNotices]);
    expect(given(decider, opened).when(policeReport)).toMatchObject([
      { type: 'PoliceReportFiled', data: { closesObligationId: 'police-1', noticesDueAtFiling: ['notice-p', 'notice-a'] } },
    ]);
    const filed = play(decider, [open(statutorySource, board), withNotices, policeReport]);
    // Informed after the filing (09:00): recorded, and said to be after it.
    expect(given(decider, filed).when(notice('parents', '2026-11-04T09:30:00.000Z'))).toMatchObject([
      { type: 'StatutoryNoticeGiven', data: { closesObligationId: 'notice-p', afterPoliceReport: true } },
    ]);
    // Informed before the filing, recorded only afterwards: before it.
    const before = given(decider, filed).when(notice('accused', '2026-11-04T08:00:00.000Z'));
    expect(before).toMatchObject([{ type: 'StatutoryNoticeGiven', data: { closesObligationId: 'notice-a' } }]);
    expect((before as unknown as { data: { afterPoliceReport?: boolean } }[])[0]!.data.afterPoliceReport).toBeUndefined();
    // All notices given first: the filing moves nothing.
    const informed = play(decider, [
      open(statutorySource, board),
      withNotices,
      notice('parents', '2026-11-04T08:00:00.000Z'),
      notice('accused', '2026-11-04T08:00:00.000Z'),
    ]);
    expect(
      (given(decider, informed).when(policeReport) as unknown as { data: { noticesDueAtFiling?: unknown } }[])[0]!.data.noticesDueAtFiling,
    ).toBeUndefined();
  });
});
