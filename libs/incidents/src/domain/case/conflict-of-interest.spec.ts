import { given, play } from '@casebook/testing';
import type { Actor } from '../shared/actor';
import { as, board, pupilIncidentDecider, report } from '../pupil-incident/pupil-incident.fixtures';
import { staffDecider, as as asStaff } from '../staff-misconduct/staff-misconduct.fixtures';
import type { StaffMisconductCommand } from '../staff-misconduct/staff-misconduct.commands';
import { excludedFromCase, readsAsReporter } from './conflict-of-interest';

// CI1 (domain.md revision 2): a person involved in a case — perpetrator, victim, witness, or heard — neither reads
// it nor acts on it, whatever their roles.
const subjectDirector: Actor = { id: 'staff-dir-7', role: 'director', schools: ['school-1'] };
const boardMember: Actor = { id: 'board-2', role: 'board', schools: [] };
const staffCase = (): StaffMisconductCommand => ({
  type: 'ReportStaffMisconduct',
  context: asStaff(board),
  statutoryObligationId: 'item-1',
  report: {
    type: 'ReportIncident',
    context: asStaff(board),
    data: {
      incidentId: 'staff-case-ci1',
      schoolId: 'school-1',
      category: 'decency-violated',
      occurredAt: '2026-11-01T20:00:00.000Z',
      summary: 'A director insulted a teacher online',
      involved: [
        { personId: subjectDirector.id, personKind: 'staff', role: 'perpetrator' },
        { personId: boardMember.id, personKind: 'staff', role: 'witness' },
      ],
    },
  },
});
const evidence = (actor: Actor) => ({
  type: 'AddEvidence' as const,
  context: asStaff(actor),
  data: { evidenceId: `ev-${actor.id}`, description: 'Screenshot', sha256: 'a'.repeat(64), mediaType: 'image/png' },
});

describe('conflict of interest (CI1)', () => {
  it('refuses a director who is the subject of a staff case adding evidence to it (CI1)', () => {
    const history = play(staffDecider, [staffCase()]);
    expect(given(staffDecider, history).when(evidence(subjectDirector))).toMatchObject({ rule: 'CI1', violation: 'forbidden' });
    expect(given(staffDecider, history).when(evidence({ id: 'staff-dir-1', role: 'director', schools: ['school-1'] }))).toMatchObject([
      { type: 'EvidenceAdded' },
    ]);
  });

  it("excludes a board member who witnessed it from the board's decisions (CI1)", () => {
    const history = play(staffDecider, [staffCase()]);
    const qualify = {
      type: 'QualifyConduct' as const,
      context: asStaff(boardMember),
      data: { qualification: 'dereliction-of-duty' as const, rationale: 'x', obligationId: 'o-1' },
    };
    expect(given(staffDecider, history).when(qualify)).toMatchObject({ rule: 'CI1' });
    expect(given(staffDecider, history).when({ ...qualify, context: asStaff(board) })).toMatchObject([{ type: 'StaffConductQualified' }]);
  });

  it('excludes someone once heard in the case (CI1)', () => {
    const heard = {
      type: 'RecordHearing' as const,
      context: as(board),
      data: { hearingId: 'h-1', heardPersonId: 'staff-dir-3', heardPersonKind: 'staff' as const, heardAt: '2026-11-04T09:00:00.000Z', summary: 'Heard' },
    };
    const history = play(pupilIncidentDecider, [report(), heard]);
    const scope = {
      type: 'AssessScope' as const,
      context: as({ id: 'staff-dir-3', role: 'director', schools: ['school-1'] }),
      data: { inScope: true, rationale: 'School chat' },
    };
    expect(given(pupilIncidentDecider, history).when(scope)).toMatchObject({ rule: 'CI1' });
  });

  it('lets a reporter who is not the perpetrator still read the report, never act on it as an involved person (CI1)', () => {
    const involved = [
      { personId: 'staff-5', personKind: 'staff' as const, role: 'victim' as const },
      { personId: 'staff-6', personKind: 'staff' as const, role: 'perpetrator' as const },
      { personId: 'staff-7', personKind: 'staff' as const, role: 'reporter' as const },
    ];
    expect(excludedFromCase('staff-5', involved, [])).toBe(true);
    expect(excludedFromCase('staff-7', involved, [])).toBe(false); // listed as the reporter only
    expect(excludedFromCase('staff-8', involved, ['staff-8'])).toBe(true);
    expect(readsAsReporter('staff-5', 'staff-5', involved)).toBe(true);
    expect(readsAsReporter('staff-6', 'staff-6', involved)).toBe(false);
  });
});
