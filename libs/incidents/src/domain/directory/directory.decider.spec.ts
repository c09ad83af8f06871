import { decideDirectoryPerson, decideDirectorySchool, evolveDirectoryPerson, initialDirectoryPersonState } from './directory.decider';
import type { DirectoryPersonRecord, DirectoryPersonEvent } from './directory.events';

const pupil: DirectoryPersonRecord = {
  personId: 'pupil-1',
  kind: 'pupil',
  name: 'Daan Visser',
  email: null,
  phone: null,
  dateOfBirth: '2015-03-14',
  schoolId: 'school-1',
  group: 'groep 6',
  startedOn: '2019-08-20',
  roles: [],
  authorityOver: [],
};
const after = (...events: DirectoryPersonEvent[]) => events.reduce(evolveDirectoryPerson, initialDirectoryPersonState);

describe('the directory (DIR1, DIR2)', () => {
  it('registers a person the directory does not know yet, with a leaving date when the export has one (DIR1)', () => {
    expect(decideDirectoryPerson({ record: pupil, leftOn: null }, initialDirectoryPersonState)).toEqual([{ type: 'PersonRegistered', data: pupil }]);
    expect(decideDirectoryPerson({ record: pupil, leftOn: '2026-07-10' }, initialDirectoryPersonState)).toEqual([
      { type: 'PersonRegistered', data: pupil },
      { type: 'PersonLeft', data: { personId: 'pupil-1', kind: 'pupil', leftOn: '2026-07-10' } },
    ]);
  });

  it('records only what changed: the same row again decides nothing, another group a change naming it (DIR2)', () => {
    const known = after({ type: 'PersonRegistered', data: pupil });
    expect(decideDirectoryPerson({ record: pupil, leftOn: null }, known)).toEqual([]);
    expect(decideDirectoryPerson({ record: { ...pupil, group: 'groep 7' }, leftOn: null }, known)).toEqual([
      { type: 'PersonChanged', data: { ...pupil, group: 'groep 7', changed: ['group'] } },
    ]);
    const left = after({ type: 'PersonRegistered', data: pupil }, { type: 'PersonLeft', data: { personId: 'pupil-1', kind: 'pupil', leftOn: '2026-07-10' } });
    expect(decideDirectoryPerson({ record: pupil, leftOn: '2026-07-10' }, left)).toEqual([]);
  });

  it('refuses a person of another kind under a known id (DIR2)', () => {
    const staff = after({ type: 'PersonRegistered', data: { ...pupil, personId: 'staff-1', kind: 'staff' } });
    expect(decideDirectoryPerson({ record: { ...pupil, personId: 'staff-1' }, leftOn: null }, staff)).toMatchObject({ kind: 'rule-violation', rule: 'DIR2' });
  });

  it('registers a school once and records what changed of it (DIR1, DIR2)', () => {
    const school = { schoolId: 'school-1', brin: '12AB', name: 'De Regenboog', holidayRegion: 'midden' as const, schoolDayEndsAt: '15:00' };
    expect(decideDirectorySchool(school, { record: null })).toEqual([{ type: 'SchoolRegistered', data: school }]);
    expect(decideDirectorySchool(school, { record: school })).toEqual([]);
    expect(decideDirectorySchool({ ...school, schoolDayEndsAt: '12:15' }, { record: school })).toEqual([
      { type: 'SchoolChanged', data: { ...school, schoolDayEndsAt: '12:15', changed: ['schoolDayEndsAt'] } },
    ]);
  });
});
