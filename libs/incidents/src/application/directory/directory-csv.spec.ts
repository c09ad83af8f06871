import { parsePeopleCsv, parseSchoolsCsv } from './directory-csv';

// DIR2: the export's files as README documents them; every bad row answered with line, field and message.
describe('the directory files (DIR2)', () => {
  it('reads a file with , or ; and a header in any column order, leaving optional columns out', async () => {
    const parents = await parsePeopleCsv('parents', 'name;personId;authorityOver\nGijs Visser;parent-1;pupil-1|pupil-2\n');
    expect(parents.errors.kept).toEqual([]);
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
    expect((await parseSchoolsCsv('\uFEFFschoolId,brin,name,holidayRegion,schoolDayEndsAt\r\nschool-1,12AB,De Regenboog,midden,15:00\r\n')).rows).toHaveLength(
      1,
    );
  });

  it('reads roles per school, board-wide roles without one', async () => {
    const staff = await parsePeopleCsv(
      'staff',
      'personId,name,email,roles,startedOn\nstaff-1,Anna,a@example.nl,director@school-1;teacher@school-2,2019-08-01\nlegal-1,Bo,b@example.nl,legal,2019-08-01\n',
    );
    expect(staff.errors.kept).toEqual([]);
    expect(staff.rows.map((row) => row.record.roles)).toEqual([
      [
        { role: 'director', schoolId: 'school-1' },
        { role: 'teacher', schoolId: 'school-2' },
      ],
      [{ role: 'legal', schoolId: null }],
    ]);
  });

  it('answers every bad cell of every row, by line (DIR2)', async () => {
    const schools = await parseSchoolsCsv('schoolId,brin,name,holidayRegion,schoolDayEndsAt\nschool 1,1234,,west,25:00\n');
    expect(schools.errors.kept.map((e) => [e.line, e.field])).toEqual([
      [2, 'schoolId'],
      [2, 'brin'],
      [2, 'name'],
      [2, 'holidayRegion'],
      [2, 'schoolDayEndsAt'],
    ]);
    const pupils = await parsePeopleCsv('pupils', 'personId,name,dateOfBirth,schoolId,group,enrolledOn\npupil-1,Daan,2015-03-14,school-1,groep 6,2014-08-20\n');
    expect(pupils.errors.kept).toEqual([{ line: 2, field: 'enrolledOn', message: 'lies before dateOfBirth' }]);
    expect(
      (await parsePeopleCsv('parents', 'personId,name,email,phone,authorityOver\nparent-1,Gijs,not-mail,abc,pupil 1\n')).errors.kept.map((e) => e.field),
    ).toEqual(['email', 'phone', 'authorityOver']);
  });

  it('counts every problem of a file but keeps the first 100 to answer (#31 item 5)', async () => {
    const bad = Array.from({ length: 5_000 }, (_, n) => `pupil ${n},Naam,2015-13-40,school-1,groep 6,2021-08-20`).join('\n');
    const pupils = await parsePeopleCsv('pupils', `personId,name,dateOfBirth,schoolId,group,enrolledOn\n${bad}\n`);
    expect(pupils.errors.count).toBe(10_000);
    expect(pupils.errors.kept).toHaveLength(100);
    expect(pupils.errors.kept[0]).toEqual({ line: 2, field: 'personId', message: 'must be 1–64 letters, digits, - or _' });
    expect(pupils.rows).toEqual([]);
  });

  it('reads a file larger than one slice whole, with characters beyond the BMP at the slice edges', async () => {
    const rows = Array.from({ length: 3_000 }, (_, n) => `pupil-${n},Ω 😀 Naam ${n},2015-03-14,school-1,groep 6,2021-08-20`).join('\n');
    const pupils = await parsePeopleCsv('pupils', `personId,name,dateOfBirth,schoolId,group,enrolledOn\n${rows}\n`);
    expect(pupils.errors.count).toBe(0);
    expect(pupils.rows).toHaveLength(3_000);
    expect(pupils.rows.every((row, n) => row.record.name === `Ω 😀 Naam ${n}` && row.line === n + 2)).toBe(true);
  });

  it('lets the event loop turn while it reads a large file (#31 item 5: /health/live waited behind a 50 MB import)', async () => {
    const rows = Array.from({ length: 40_000 }, (_, n) => `pupil-${n},Naam ${n},2015-03-14,school-1,groep 6,2021-08-20`).join('\n');
    let done = false;
    const parsing = parsePeopleCsv('pupils', `personId,name,dateOfBirth,schoolId,group,enrolledOn\n${rows}\n`).finally(() => (done = true));
    let turns = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns += 1;
    }
    expect((await parsing).rows).toHaveLength(40_000);
    // Some 2.4 MB in 64 K slices: a turn of the loop before each (a parse in one go gives none).
    expect(turns).toBeGreaterThanOrEqual(30);
  });
});
