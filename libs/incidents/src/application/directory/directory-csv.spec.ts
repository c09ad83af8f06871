import { parsePeopleCsv, parseSchoolsCsv } from './directory-csv';

// DIR2: the export's files as README documents them; every bad row answered with line, field and message.
describe('the directory files (DIR2)', () => {
  it('reads a file with , or ; and a header in any column order, leaving optional columns out', () => {
    const parents = parsePeopleCsv('parents', 'name;personId;authorityOver\nGijs Visser;parent-1;pupil-1|pupil-2\n');
    expect(parents.errors).toEqual([]);
    expect(parents.rows).toEqual([
      {
        line: 2,
        leftOn: null,
        record: expect.objectContaining({
          personId: 'parent-1',
          kind: 'parent',
          name: 'Gijs Visser',
          email: null,
          phone: null,
          authorityOver: ['pupil-1', 'pupil-2'],
        }),
      },
    ]);
    expect(parseSchoolsCsv('\uFEFFschoolId,brin,name,holidayRegion,schoolDayEndsAt\r\nschool-1,12AB,De Regenboog,midden,15:00\r\n').rows).toHaveLength(1);
  });

  it('reads roles per school, board-wide roles without one', () => {
    const staff = parsePeopleCsv(
      'staff',
      'personId,name,email,roles,startedOn\nstaff-1,Anna,a@example.nl,director@school-1;teacher@school-2,2019-08-01\nlegal-1,Bo,b@example.nl,legal,2019-08-01\n',
    );
    expect(staff.errors).toEqual([]);
    expect(staff.rows.map((row) => row.record.roles)).toEqual([
      [
        { role: 'director', schoolId: 'school-1' },
        { role: 'teacher', schoolId: 'school-2' },
      ],
      [{ role: 'legal', schoolId: null }],
    ]);
  });

  it('answers every bad cell of every row, by line (DIR2)', () => {
    const schools = parseSchoolsCsv('schoolId,brin,name,holidayRegion,schoolDayEndsAt\nschool 1,1234,,west,25:00\n');
    expect(schools.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'schoolId'],
      [2, 'brin'],
      [2, 'name'],
      [2, 'holidayRegion'],
      [2, 'schoolDayEndsAt'],
    ]);
    const pupils = parsePeopleCsv('pupils', 'personId,name,dateOfBirth,schoolId,group,enrolledOn\npupil-1,Daan,2015-03-14,school-1,groep 6,2014-08-20\n');
    expect(pupils.errors).toEqual([{ line: 2, field: 'enrolledOn', message: 'lies before dateOfBirth' }]);
    expect(parsePeopleCsv('parents', 'personId,name,email,phone,authorityOver\nparent-1,Gijs,not-mail,abc,pupil 1\n').errors.map((e) => e.field)).toEqual([
      'email',
      'phone',
      'authorityOver',
    ]);
  });
});
