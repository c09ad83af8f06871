import { given, play } from '@casebook/testing';
import { as, board, director, pupilIncidentDecider, report, teacher } from '../pupil-incident/pupil-incident.fixtures';
import { as as asStaff, board as staffBoard, director as staffDirector, reportStaff, staffDecider } from '../staff-misconduct/staff-misconduct.fixtures';

// The caseload's owner (api.md revision 2): who handles a case, chosen by who decides it; never someone involved (CI1).
const assign = (ownerId: string, actor = director) => ({ type: 'AssignCase' as const, context: as(actor), data: { ownerId } });

describe('case owner (caseload)', () => {
  it('gives a pupil case an owner, by its director or the board; the same owner again changes nothing', () => {
    const reported = play(pupilIncidentDecider, [report()]);
    expect(given(pupilIncidentDecider, reported).when(assign('staff-care-1'))).toEqual([
      { type: 'CaseAssigned', data: { ownerId: 'staff-care-1', assignedBy: director.id } },
    ]);
    expect(given(pupilIncidentDecider, reported).when(assign('staff-care-1', board))).toHaveLength(1);
    expect(given(pupilIncidentDecider, reported).when(assign('staff-care-1', teacher))).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
    const assigned = play(pupilIncidentDecider, [report(), assign('staff-care-1')]);
    expect(given(pupilIncidentDecider, assigned).state.ownerId).toBe('staff-care-1');
    expect(given(pupilIncidentDecider, assigned).when(assign('staff-care-1'))).toEqual([]);
    expect(given(pupilIncidentDecider, assigned).when(assign('staff-care-2'))).toHaveLength(1);
  });

  it('never makes someone the case is about its owner (CI1)', () => {
    const reported = play(pupilIncidentDecider, [report()]);
    expect(given(pupilIncidentDecider, reported).when(assign('pupil-bully'))).toMatchObject({ rule: 'CI1' });
  });

  it('lets only the board assign a staff case', () => {
    const reported = play(staffDecider, [reportStaff()]);
    expect(given(staffDecider, reported).when({ ...assign('hr-1'), context: asStaff(staffBoard) })).toHaveLength(1);
    expect(given(staffDecider, reported).when({ ...assign('hr-1'), context: asStaff(staffDirector) })).toMatchObject({ rule: 'ROLE', violation: 'forbidden' });
  });
});
