import { type DomainPolicy, DEFAULT_POLICY } from '../domain/shared/command-context';
import { dutchPublicHolidays } from '../domain/shared/public-holidays';
import { type DateRange, DEFAULT_SCHOOL_CALENDAR, type SchoolCalendar } from './school-calendar';

/**
 * The rules' settings (domain.md CAL1): school year start (M5), the end of the school day per school (M1), the
 * periods of P2, P5, P6, B1, B2, S11, the calendar (time zone, Good Friday, school holidays board-wide and per school).
 * One JSON file (CASEBOOK_SETTINGS_FILE), every key optional; what it leaves out is the default of domain.md.
 */
export interface RuleSettings {
  readonly policy: DomainPolicy;
  readonly calendar: SchoolCalendar;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { policy: DEFAULT_POLICY, calendar: DEFAULT_SCHOOL_CALENDAR };

/** A settings file that does not hold: every problem, with where it is. */
export class RuleSettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`settings: ${problems.join('; ')}`);
  }
}

type Json = Readonly<Record<string, unknown>>;
const PERIODS = [
  ['informParentsWithinHours', 1, 24 * 60],
  ['inspectorateReportWithinWorkingDays', 0, 60],
  ['removalSearchWeeks', 1, 52],
  ['reconsiderationWeeks', 1, 52],
  ['objectionDecisionWeeks', 1, 52],
  ['inspectorCallWithinWorkingDays', 0, 30],
  ['policeReportWithinWorkingDays', 0, 60],
  ['summaryDismissalWithinWorkingDays', 0, 60],
] as const;
const TOP_KEYS = ['schoolYearStart', 'timeZone', 'goodFriday', 'schoolDayEndsAt', 'holidays', 'schools', 'periods'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses and validates the file's JSON text; every problem is reported at once (the process does not start). */
export function parseRuleSettings(text: string): RuleSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuleSettingsError([`not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const problems: string[] = [];
  if (!isObject(json)) throw new RuleSettingsError(['the file holds one JSON object']);
  for (const key of Object.keys(json)) if (!TOP_KEYS.includes(key)) problems.push(`${key}: unknown setting (known: ${TOP_KEYS.join(', ')})`);

  const start = json['schoolYearStart'] ?? DEFAULT_POLICY.schoolYearStart;
  const validStart =
    isObject(start) && isInt(start['month'], 1, 12) && isInt(start['day'], 1, 31) && isRealDay(2001, start['month'] as number, start['day'] as number);
  if (!validStart) problems.push('schoolYearStart: { month 1–12, day } of a real date');
  const timeZone = json['timeZone'] ?? DEFAULT_SCHOOL_CALENDAR.timeZone;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) problems.push('timeZone: an IANA time zone, e.g. Europe/Amsterdam');
  const goodFriday = json['goodFriday'] ?? false;
  if (typeof goodFriday !== 'boolean') problems.push('goodFriday: true or false');
  const endsAt = json['schoolDayEndsAt'] ?? DEFAULT_SCHOOL_CALENDAR.schoolDayEndsAt;
  if (typeof endsAt !== 'string' || !TIME.test(endsAt)) problems.push('schoolDayEndsAt: HH:MM');
  const holidays = ranges(json['holidays'] ?? [], 'holidays', problems);
  const schools: Record<string, { schoolDayEndsAt?: string; holidays?: readonly DateRange[] }> = {};
  const schoolsJson = json['schools'] ?? {};
  if (!isObject(schoolsJson)) problems.push('schools: an object of school id → { schoolDayEndsAt, holidays }');
  else {
    for (const [schoolId, school] of Object.entries(schoolsJson)) {
      if (!isObject(school)) {
        problems.push(`schools.${schoolId}: an object`);
        continue;
      }
      for (const key of Object.keys(school)) if (key !== 'schoolDayEndsAt' && key !== 'holidays') problems.push(`schools.${schoolId}.${key}: unknown setting`);
      if (school['schoolDayEndsAt'] !== undefined && !(typeof school['schoolDayEndsAt'] === 'string' && TIME.test(school['schoolDayEndsAt'])))
        problems.push(`schools.${schoolId}.schoolDayEndsAt: HH:MM`);
      schools[schoolId] = {
        ...(typeof school['schoolDayEndsAt'] === 'string' ? { schoolDayEndsAt: school['schoolDayEndsAt'] } : {}),
        holidays: ranges(school['holidays'] ?? [], `schools.${schoolId}.holidays`, problems),
      };
    }
  }
  const periodsJson = json['periods'] ?? {};
  const periods: Record<string, number> = {};
  if (!isObject(periodsJson)) problems.push('periods: an object');
  else {
    for (const key of Object.keys(periodsJson)) if (!PERIODS.some(([name]) => name === key)) problems.push(`periods.${key}: unknown period`);
    for (const [name, min, max] of PERIODS) {
      const value = periodsJson[name] ?? DEFAULT_POLICY[name];
      if (!isInt(value, min, max)) problems.push(`periods.${name}: a whole number from ${min} to ${max}`);
      periods[name] = value as number;
    }
  }
  if (problems.length) throw new RuleSettingsError(problems);

  const workingDays = { timeZone: timeZone as string, goodFriday: goodFriday as boolean };
  return {
    policy: {
      ...DEFAULT_POLICY,
      ...(periods as Partial<DomainPolicy>),
      schoolYearStart: start as DomainPolicy['schoolYearStart'],
      workingDays,
      schoolHolidays: { holidays, schools },
    },
    calendar: { ...workingDays, schoolDayEndsAt: endsAt as string, holidays, schools },
  };
}

/** What `GET /settings` shows: the settings in force, with the public holidays they compute for these years. */
export function settingsView(settings: RuleSettings, years: readonly number[]): Record<string, unknown> {
  const { policy, calendar } = settings;
  const { workingDays: _zone, schoolHolidays: _holidays, schoolYearStart, ...periods } = policy;
  return {
    schoolYearStart,
    timeZone: calendar.timeZone,
    goodFriday: calendar.goodFriday,
    schoolDayEndsAt: calendar.schoolDayEndsAt,
    schools: calendar.schools ?? {},
    holidays: calendar.holidays ?? [],
    periods,
    publicHolidays: Object.fromEntries(years.map((year) => [String(year), dutchPublicHolidays(year, calendar)])),
  };
}

function ranges(value: unknown, where: string, problems: string[]): DateRange[] {
  if (!Array.isArray(value)) {
    problems.push(`${where}: a list of { from, to } (YYYY-MM-DD, both included)`);
    return [];
  }
  return value.flatMap((range, index) => {
    const ok =
      isObject(range) &&
      typeof range['from'] === 'string' &&
      typeof range['to'] === 'string' &&
      DAY.test(range['from']) &&
      DAY.test(range['to']) &&
      range['from'] <= range['to'];
    if (!ok) {
      problems.push(`${where}[${index}]: { from, to } as YYYY-MM-DD, from not after to`);
      return [];
    }
    return [{ from: range['from'] as string, to: range['to'] as string }];
  });
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown, min: number, max: number): boolean => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isRealDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
