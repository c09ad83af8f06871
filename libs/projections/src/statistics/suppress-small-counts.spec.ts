import { statisticsCsv, suppressSmallCounts } from './statistics.query';

// domain.md "statistics": counts below 5 are shown as "< 5", never exactly — also where a total would give them back.
describe('small counts in the statistics', () => {
  it('hides a count of 1–4, shows 0 and 5 and more', () => {
    expect(suppressSmallCounts([0, 1, 4, 5, 12, 3])).toEqual([0, '< 5', '< 5', 5, 12, '< 5']);
  });

  it('hides a second cell where a column would hide exactly one (the total minus the others would give it back)', () => {
    expect(suppressSmallCounts([3, 7, 20])).toEqual(['< 5', '< 5', 20]);
    expect(suppressSmallCounts([3])).toEqual(['< 5']);
    expect(suppressSmallCounts([5, 6])).toEqual([5, 6]);
  });

  it('writes the same as CSV, the hidden counts as they are shown', () => {
    const csv = statisticsCsv({
      groupBy: ['school'],
      rows: [
        { school: 'school-1', cases: '< 5', measures: 0 },
        { school: 'a,b', cases: 9, measures: 5 },
      ],
      totals: { cases: 12, measures: 5 },
    });
    expect(csv).toBe('school,cases,measures\r\nschool-1,< 5,0\r\n"a,b",9,5\r\n');
  });

  it('writes a cell a spreadsheet would run as a formula (=, +, -, @, tab, return) as text (#31)', () => {
    const csv = statisticsCsv({
      groupBy: ['school'],
      rows: [
        { school: '=HYPERLINK("http://evil.example","x")', cases: 9, measures: 5 },
        { school: '+1+1', cases: 9, measures: 5 },
        { school: '-2+3', cases: 9, measures: 5 },
        { school: '@SUM(A1)', cases: 9, measures: 5 },
        { school: '\tcmd', cases: 9, measures: 5 },
      ],
      totals: { cases: 45, measures: 25 },
    });
    expect(csv.split('\r\n').slice(1, 6)).toEqual([
      `"'=HYPERLINK(""http://evil.example"",""x"")",9,5`,
      "'+1+1,9,5",
      "'-2+3,9,5",
      "'@SUM(A1),9,5",
      "'\tcmd,9,5",
    ]);
  });
});
