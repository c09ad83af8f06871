import { given, play } from '@casebook/testing';
import { as, board, director, measure, pupilIncidentDecider, removalPrepared, report } from '../pupil-incident/pupil-incident.fixtures';
import { staffDecider, reportStaff, qualify, as as asStaff, board as staffBoard } from '../staff-misconduct/staff-misconduct.fixtures';

// CLOSE1 (domain.md revision 2): no close with the school's obligations open, unless each is waived with a rationale;
// a statutory item (B3) never; facts that close an obligation are recorded on a closed case too.
const close = (waive?: { obligationId: string; rationale: string }[], actor = director) => ({
  type: 'CloseIncident' as const,
  context: as(actor),
  data: { outcome: 'Handled', ...(waive ? { waive } : {}) },
});

describe('closing a case with obligations (CLOSE1)', () => {
  const warning = measure(); // opens "inform parents" (P2)
  const withWarning = () => play(pupilIncidentDecider, [report(), warning]);
  const informId = warning.data.obligationIds.informParents;

  it('refuses a close while an obligation of the school is open, listing it (CLOSE1)', () => {
    expect(given(pupilIncidentDecider, withWarning()).when(close())).toMatchObject({
      rule: 'CLOSE1',
      violation: 'conflict',
      details: { openObligations: [{ obligationId: informId, kind: 'inform-parents' }] },
    });
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report()])).when(close())).toMatchObject([{ type: 'IncidentClosed' }]);
  });

  it('closes when the close waives each open obligation with a rationale, recorded as its own event (CLOSE1)', () => {
    const waived = given(pupilIncidentDecider, withWarning()).when(
      close([{ obligationId: informId, rationale: 'The parents moved abroad; no address known' }]),
    );
    expect(waived).toEqual([
      {
        type: 'ObligationWaived',
        data: { obligationId: informId, kind: 'inform-parents', rationale: 'The parents moved abroad; no address known', waivedBy: director.id },
      },
      { type: 'IncidentClosed', data: { outcome: 'Handled', rationale: null, closedBy: director.id } },
    ]);
    expect(given(pupilIncidentDecider, withWarning()).when(close([{ obligationId: informId, rationale: ' ' }]))).toMatchObject({ rule: 'CLOSE1' });
    expect(given(pupilIncidentDecider, withWarning()).when(close([{ obligationId: 'not-an-obligation', rationale: 'x' }]))).toMatchObject({ rule: 'CLOSE1' });
    const twice = [
      { obligationId: informId, rationale: 'x' },
      { obligationId: informId, rationale: 'y' },
    ];
    expect(given(pupilIncidentDecider, withWarning()).when(close(twice))).toMatchObject({ rule: 'CLOSE1' });
  });

  it('counts an obligation done once its fact is recorded, and records such facts on a closed case too (CLOSE1, FACT1)', () => {
    const informed = {
      type: 'RecordParentsInformedOfMeasure' as const,
      context: as(director),
      data: { regarding: warning.data.measureId, channel: 'letter' as const, informedAt: '2026-11-04T09:00:00.000Z' },
    };
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report(), warning, informed])).when(close())).toMatchObject([{ type: 'IncidentClosed' }]);

    // Closed with both duties of a suspension waived; the letter and the Inspectorate report were made after all.
    const suspension = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-10' });
    const ids = suspension.data.obligationIds;
    const onlyNotice = given(pupilIncidentDecider, play(pupilIncidentDecider, [report(), suspension])).when(
      close([{ obligationId: ids.informParents, rationale: 'x' }]),
    );
    expect(onlyNotice).toMatchObject({
      rule: 'CLOSE1',
      details: { openObligations: [{ obligationId: ids.inspectorateReport, kind: 'report-suspension-to-inspectorate' }] },
    });
    const closed = play(pupilIncidentDecider, [
      report(),
      suspension,
      close([
        { obligationId: ids.informParents, rationale: 'Told at the gate' },
        { obligationId: ids.inspectorateReport, rationale: 'Portal down' },
      ]),
    ]);
    expect(given(pupilIncidentDecider, closed).state.closed).toBe(true);
    const letter = { ...informed, data: { ...informed.data, regarding: suspension.data.measureId } };
    expect(given(pupilIncidentDecider, closed).when(letter)).toMatchObject([{ type: 'ParentsInformed' }]);
    const toInspectorate = {
      type: 'RecordInspectorateReport' as const,
      context: as(director),
      data: { reportedAt: '2026-11-04T09:00:00.000Z', reference: 'ISD-1' },
    };
    expect(given(pupilIncidentDecider, closed).when(toInspectorate)).toMatchObject([{ type: 'InspectorateReported' }]);
    // A decision is not a fact: a new measure on the closed case is refused.
    expect(given(pupilIncidentDecider, closed).when(measure())).toMatchObject({ rule: 'CLOSED' });
  });

  it("does not count the parents' objection window of a removal as the school's (CLOSE1, P6)", () => {
    const removal = measure({ measure: 'removal' }, board);
    const ids = removal.data.obligationIds;
    const history = play(pupilIncidentDecider, [report(), ...removalPrepared(), removal]);
    const refused = given(pupilIncidentDecider, history).when(close(undefined, board));
    expect(refused).toMatchObject({ rule: 'CLOSE1' });
    const listed = (refused as unknown as { details: { openObligations: { kind: string }[] } }).details.openObligations.map((o) => o.kind);
    expect(listed).toEqual(['inform-parents', 'removal-placement', 'report-removal-to-inspectorate', 'inform-attendance-officer']);
    const waivers = [ids.informParents, ids.removalPlacement, ids.removalInspectorate!, ids.attendanceOfficer!].map((obligationId) => ({
      obligationId,
      rationale: 'x',
    }));
    expect(given(pupilIncidentDecider, history).when(close(waivers, board))).toMatchObject([
      { type: 'ObligationWaived' },
      { type: 'ObligationWaived' },
      { type: 'ObligationWaived' },
      { type: 'ObligationWaived' },
      { type: 'IncidentClosed' },
    ]);
  });

  it('refuses an out-of-scope assessment while obligations are open (CLOSE1)', () => {
    const scope = { type: 'AssessScope' as const, context: as(director), data: { inScope: false, rationale: 'Private matter' } };
    const history = play(pupilIncidentDecider, [report({ category: 'phone-violation' }), measure()]);
    expect(given(pupilIncidentDecider, history).when(scope)).toMatchObject({ rule: 'CLOSE1' });
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report({ category: 'phone-violation' })])).when(scope)).toMatchObject([
      { type: 'ScopeAssessed' },
      { type: 'IncidentClosed' },
    ]);
  });
});

describe('a statutory inspector item (B3) and closing', () => {
  const closeStaff = (waive?: { obligationId: string; rationale: string }[]) => ({
    type: 'CloseIncident' as const,
    context: asStaff(staffBoard),
    data: { outcome: 'Handled', ...(waive ? { waive } : {}) },
  });

  it('never waives the statutory consultation, and never closes the case as out of scope (B3, CLOSE1)', () => {
    const history = play(staffDecider, [reportStaff('sexual-offence-against-pupil')]);
    expect(given(staffDecider, history).when(closeStaff())).toMatchObject({
      rule: 'CLOSE1',
      details: { openObligations: [{ kind: 'inspector-call-statutory' }] },
    });
    expect(given(staffDecider, history).when(closeStaff([{ obligationId: 'statutory-item-1', rationale: 'No time' }]))).toMatchObject({ rule: 'B3' });
    const outOfScope = { type: 'AssessScope' as const, context: asStaff(staffBoard), data: { inScope: false, rationale: 'Outside school' } };
    expect(given(staffDecider, history).when(outOfScope)).toMatchObject({ rule: 'B3' });
    // Also after the call: a B3 case stays in scope.
    const called = play(staffDecider, [
      reportStaff('sexual-offence-against-pupil'),
      {
        type: 'RecordInspectorCall',
        context: asStaff(staffBoard),
        data: { calledAt: '2026-11-06T09:30:00.000Z', inspectorReference: 'LVI-1', summary: 'Consulted', conclusion: 'no-reasonable-suspicion' },
      },
    ]);
    expect(given(staffDecider, called).when(outOfScope)).toMatchObject({ rule: 'B3' });
    expect(given(staffDecider, called).when(closeStaff())).toMatchObject([{ type: 'IncidentClosed' }]);
  });

  it('stays open while its criminal-report decision is open (B3, revision 2)', () => {
    const called = play(staffDecider, [
      reportStaff('sexual-offence-against-pupil'),
      {
        type: 'RecordInspectorCall',
        context: asStaff(staffBoard),
        data: { calledAt: '2026-11-06T09:30:00.000Z', inspectorReference: 'LVI-1', summary: 'Consulted', conclusion: 'reasonable-suspicion' },
      },
    ]);
    const closing = (openCriminalReportDecisions: string[]) => ({
      type: 'CloseIncident' as const,
      context: asStaff(staffBoard),
      data: { outcome: 'Handled', openCriminalReportDecisions },
    });
    expect(given(staffDecider, called).when(closing(['decision-1']))).toMatchObject({ rule: 'B3', details: { openCriminalReportDecisions: ['decision-1'] } });
    expect(given(staffDecider, called).when(closing([]))).toMatchObject([{ type: 'IncidentClosed' }]);
    // Not a B3 case: its decisions do not hold the case open (B2 decisions stand on their own).
    expect(given(staffDecider, play(staffDecider, [reportStaff()])).when(closing(['decision-2']))).toMatchObject([{ type: 'IncidentClosed' }]);
  });

  it('lets the board waive a policy inspector call with a rationale (B1, CLOSE1)', () => {
    const history = play(staffDecider, [reportStaff(), qualify('boundary-crossing')]);
    expect(given(staffDecider, history).when(closeStaff())).toMatchObject({ rule: 'CLOSE1' });
    expect(
      given(staffDecider, history).when(
        closeStaff([{ obligationId: 'item-boundary-crossing', rationale: 'The inspector was informed by the police already' }]),
      ),
    ).toMatchObject([{ type: 'ObligationWaived', data: { kind: 'inspector-call-policy' } }, { type: 'IncidentClosed' }]);
  });
});
