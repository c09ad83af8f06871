import { given, play } from '@casebook/testing';
import { INVOLVED, as, board, director, hr, otherDirector, otherTeacher, pupilIncidentDecider, report, teacher } from './pupil-incident.fixtures';

const reported = () => play(pupilIncidentDecider, [report()]);

describe('reporting a pupil incident', () => {
  it('records who reported, when it happened, the school, category, summary and the people involved (SC1)', () => {
    expect(given(pupilIncidentDecider, []).when(report())).toEqual([
      {
        type: 'IncidentReported',
        data: {
          incidentId: 'incident-1',
          kind: 'pupil-incident',
          schoolId: 'school-1',
          category: 'cyberbullying',
          occurredAt: '2026-11-03T19:30:00.000Z',
          summary: 'Threatening messages in the class group chat',
          involved: INVOLVED,
          reportedBy: teacher.id,
        },
      },
    ]);
  });

  it.each([
    ['no pupil as victim or perpetrator', { involved: [{ personId: 'staff-9', personKind: 'staff' as const, role: 'witness' as const }] }],
    ['a category outside the protocol', { category: 'littering' }],
    ['the same person twice', { involved: [...INVOLVED, INVOLVED[0]!] }],
    ['an empty summary', { summary: ' ' }],
  ])('refuses a report with %s (SC1)', (_label, overrides) => {
    expect(given(pupilIncidentDecider, []).when(report(overrides))).toMatchObject({ kind: 'rule-violation', rule: 'SC1' });
  });

  it('accepts a parent as perpetrator (SC1: the whole school community)', () => {
    const involved = [{ personId: 'parent-1', personKind: 'parent' as const, role: 'perpetrator' as const }];
    expect(given(pupilIncidentDecider, []).when(report({ involved, category: 'offensive-content' }))).toHaveLength(1);
  });

  it('refuses an occurredAt after the moment of recording (B4)', () => {
    expect(given(pupilIncidentDecider, []).when(report({ occurredAt: '2026-11-05T08:00:00.000Z' }))).toMatchObject({ rule: 'B4' });
  });

  it('accepts a report made long after the fact (B4: allowed, the timeline marks it late)', () => {
    expect(given(pupilIncidentDecider, []).when(report({ occurredAt: '2025-03-01T10:00:00.000Z' }))).toHaveLength(1);
  });

  it('refuses a teacher reporting for a school that is not theirs, and a second report of the same case', () => {
    expect(given(pupilIncidentDecider, []).when(report({ schoolId: 'school-9' }))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, reported()).when(report())).toMatchObject({ rule: 'CASE' });
  });
});

describe('scope (SC2)', () => {
  const assess = (inScope: boolean, rationale = 'School chat, school hours', actor = director) => ({
    type: 'AssessScope' as const,
    context: as(actor),
    data: { inScope, rationale },
  });

  it('closes an out-of-scope case as not-applicable, with the rationale (SC2)', () => {
    const history = play(pupilIncidentDecider, [report({ category: 'offensive-content' })]);
    expect(given(pupilIncidentDecider, history).when(assess(false, 'A private matter outside school'))).toEqual([
      { type: 'ScopeAssessed', data: { inScope: false, rationale: 'A private matter outside school', assessedBy: director.id } },
      { type: 'IncidentClosed', data: { outcome: 'not-applicable', rationale: 'A private matter outside school', closedBy: director.id } },
    ]);
  });

  it('keeps cyberbullying in scope, always (SC2)', () => {
    expect(given(pupilIncidentDecider, reported()).when(assess(false))).toMatchObject({ rule: 'SC2' });
  });

  it('requires a rationale (SC2)', () => {
    expect(given(pupilIncidentDecider, reported()).when(assess(true, ''))).toMatchObject({ rule: 'SC2' });
  });

  it('is assessed by a director of the school or the board, not by a teacher (SC2)', () => {
    expect(given(pupilIncidentDecider, reported()).when(assess(true, 'ok', teacher))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, reported()).when(assess(true, 'ok', board))).toHaveLength(1);
  });
});

describe('evidence and correspondence', () => {
  const evidence = (actor = teacher, capturedAt?: string) => ({
    type: 'AddEvidence' as const,
    context: as(actor),
    data: { evidenceId: `ev-${actor.id}`, description: 'Screenshot of the chat', sha256: 'A'.repeat(64), mediaType: 'image/png', capturedAt },
  });

  it('lets the reporter, a director or the board add evidence, not another teacher', () => {
    expect(given(pupilIncidentDecider, reported()).when(evidence(teacher))).toMatchObject([{ type: 'EvidenceAdded', data: { sha256: 'a'.repeat(64) } }]);
    expect(given(pupilIncidentDecider, reported()).when(evidence(director))).toHaveLength(1);
    expect(given(pupilIncidentDecider, reported()).when(evidence(otherTeacher))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });

  it('refuses evidence captured in the future (B4)', () => {
    expect(given(pupilIncidentDecider, reported()).when(evidence(teacher, '2026-11-05T00:00:00.000Z'))).toMatchObject({ rule: 'B4' });
  });

  const correspondence = (actor = director, summary = 'Letter to the parents about the measures') => ({
    type: 'RecordCorrespondence' as const,
    context: as(actor),
    data: {
      correspondenceId: 'corr-1',
      direction: 'outgoing' as const,
      counterpart: 'parent' as const,
      channel: 'letter' as const,
      occurredAt: '2026-11-04T08:00:00.000Z',
      summary,
      documentSha256: 'B'.repeat(64),
    },
  });

  it("files correspondence in the perpetrator's pupil file only, never in the victim's (F2, revision 2)", () => {
    expect(given(pupilIncidentDecider, reported()).when(correspondence())).toMatchObject([
      { type: 'CorrespondenceRecorded', data: { filedIn: { file: 'pupil-file', personIds: ['pupil-bully'] } } },
    ]);
  });

  it('files it with the victims where no pupil is a perpetrator, or with the pupils the command names, each involved (F2, revision 2)', () => {
    const parentPerpetrator = [
      { personId: 'pupil-victim', personKind: 'pupil' as const, role: 'victim' as const },
      { personId: 'parent-9', personKind: 'parent' as const, role: 'perpetrator' as const },
    ];
    const byParent = play(pupilIncidentDecider, [report({ involved: parentPerpetrator })]);
    expect(given(pupilIncidentDecider, byParent).when(correspondence())).toMatchObject([{ data: { filedIn: { personIds: ['pupil-victim'] } } }]);
    const named = (concerningPupilIds: string[]) => {
      const letter = correspondence();
      return { ...letter, data: { ...letter.data, concerningPupilIds } };
    };
    expect(given(pupilIncidentDecider, reported()).when(named(['pupil-victim']))).toMatchObject([{ data: { filedIn: { personIds: ['pupil-victim'] } } }]);
    expect(given(pupilIncidentDecider, reported()).when(named(['pupil-victim', 'pupil-bully', 'pupil-victim']))).toMatchObject([
      { data: { filedIn: { personIds: ['pupil-victim', 'pupil-bully'] } } },
    ]);
    expect(given(pupilIncidentDecider, reported()).when(named(['pupil-elsewhere']))).toMatchObject({ rule: 'F2' });
    expect(given(pupilIncidentDecider, reported()).when(named(['parent-bully']))).toMatchObject({ rule: 'F2' }); // a parent has no pupil file
    expect(given(pupilIncidentDecider, reported()).when(named([]))).toMatchObject({ rule: 'F2' });
  });

  it('records direction, counterpart, channel, date, summary and the document hash (F3)', () => {
    expect(given(pupilIncidentDecider, reported()).when(correspondence())).toMatchObject([
      { data: { direction: 'outgoing', counterpart: 'parent', channel: 'letter', occurredAt: '2026-11-04T08:00:00.000Z', documentSha256: 'b'.repeat(64) } },
    ]);
    expect(given(pupilIncidentDecider, reported()).when(correspondence(director, ''))).toMatchObject({ rule: 'F3' });
  });

  it('does not let HR record correspondence in a pupil case (F2, role table)', () => {
    expect(given(pupilIncidentDecider, reported()).when(correspondence(hr))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });
});

describe('closing and reopening', () => {
  const close = (actor = director) => ({ type: 'CloseIncident' as const, context: as(actor), data: { outcome: 'resolved' } });
  const reopen = (actor = director) => ({ type: 'ReopenIncident' as const, context: as(actor), data: { reason: 'New messages appeared' } });

  it('refuses commands on a closed case until it is reopened (CLOSED)', () => {
    const closed = play(pupilIncidentDecider, [report(), close()]);
    const scope = { type: 'AssessScope' as const, context: as(director), data: { inScope: true, rationale: 'x' } };
    expect(given(pupilIncidentDecider, closed).when(scope)).toMatchObject({ rule: 'CLOSED' });
    expect(given(pupilIncidentDecider, closed).when(close())).toMatchObject({ rule: 'CLOSED' });
    const reopened = play(pupilIncidentDecider, [report(), close(), reopen()]);
    expect(given(pupilIncidentDecider, reopened).when(scope)).toHaveLength(1);
  });

  it('reopens only a closed case, with a reason', () => {
    expect(given(pupilIncidentDecider, reported()).when(reopen())).toMatchObject({ rule: 'CLOSED' });
  });

  it('refuses a director of another school, and any command on an unreported case', () => {
    expect(given(pupilIncidentDecider, reported()).when(close(otherDirector))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, []).when(close())).toMatchObject({ rule: 'CASE', violation: 'not-found' });
  });
});

describe('link to a criminal-report decision (P4: linked both ways)', () => {
  const link = (decisionId = 'decision-1') => ({ type: 'LinkCriminalReportDecision' as const, context: as(director), data: { decisionId } });
  const close = { type: 'CloseIncident' as const, context: as(director), data: { outcome: 'Handled with the parents' } };

  it('records the link once, also on a case closed meanwhile, and a repeat records nothing (P4)', () => {
    const closed = play(pupilIncidentDecider, [report(), close]);
    expect(given(pupilIncidentDecider, closed).when(link())).toEqual([
      { type: 'CriminalReportDecisionLinked', data: { decisionId: 'decision-1', linkedBy: director.id } },
    ]);
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report(), link()])).when(link())).toEqual([]);
  });

  it('refuses a link to an unknown case (P4)', () => {
    expect(given(pupilIncidentDecider, []).when(link())).toMatchObject({ rule: 'CASE', violation: 'not-found' });
  });
});
