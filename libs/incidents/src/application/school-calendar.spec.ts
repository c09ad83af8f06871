import { DEFAULT_SCHOOL_CALENDAR, endOfSchoolDay, schoolDayEnds } from './school-calendar';

describe('school calendar (M1, M2)', () => {
  it('ends the school day at 15:00 Amsterdam time, winter and summer', () => {
    expect(endOfSchoolDay('2026-11-02T09:30:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toBe('2026-11-02T14:00:00.000Z'); // CET
    expect(endOfSchoolDay('2026-06-02T09:30:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toBe('2026-06-02T13:00:00.000Z'); // CEST
  });

  it('takes the next school day across a weekend', () => {
    expect(endOfSchoolDay('2026-11-06T09:30:00.000Z', DEFAULT_SCHOOL_CALENDAR, 1)).toBe('2026-11-09T14:00:00.000Z'); // Friday → Monday
    expect(endOfSchoolDay('2026-11-02T09:30:00.000Z', DEFAULT_SCHOOL_CALENDAR, 1)).toBe('2026-11-03T14:00:00.000Z');
  });

  it('lets a device taken after the school day, or on a day without school, go home at once (M1, revision 2)', () => {
    expect(schoolDayEnds('2026-11-02T09:30:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toEqual({
      current: '2026-11-02T14:00:00.000Z',
      next: '2026-11-03T14:00:00.000Z',
    });
    expect(schoolDayEnds('2026-11-02T19:00:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toEqual({
      current: '2026-11-02T19:00:00.000Z',
      next: '2026-11-03T14:00:00.000Z',
    });
    // Friday evening: home at once; "kept longer" (M2) means until Monday's end of the school day.
    expect(schoolDayEnds('2026-11-06T18:00:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toEqual({
      current: '2026-11-06T18:00:00.000Z',
      next: '2026-11-09T14:00:00.000Z',
    });
    // A Saturday activity: no school day to keep it to.
    expect(schoolDayEnds('2026-11-07T10:00:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toEqual({
      current: '2026-11-07T10:00:00.000Z',
      next: '2026-11-09T14:00:00.000Z',
    });
  });

  it('skips public holidays: kept longer after 24 December 2026 means until Monday 28 December (M1, M2)', () => {
    expect(schoolDayEnds('2026-12-24T10:00:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toEqual({
      current: '2026-12-24T14:00:00.000Z',
      next: '2026-12-28T14:00:00.000Z',
    });
    expect(endOfSchoolDay('2026-04-27T09:00:00.000Z', DEFAULT_SCHOOL_CALENDAR)).toBe('2026-04-28T13:00:00.000Z'); // King's Day
  });
});
