import type { Actor } from './actor';
import { DUTCH_WORKING_DAYS, type SchoolHolidays, type WorkingDayCalendar } from './calendar';

/**
 * What every command carries besides its own data: the acting person and the moment, both from the request,
 * never from a clock or a random source inside the domain (architecture principle 1), and the ids the
 * application made for whatever the command creates.
 */
export interface CommandContext {
  readonly actor: Actor;
  /** The server's time of the request, ISO 8601. */
  readonly now: string;
}

/** Calendar and due-time policy, from configuration (domain spec: "configurable"). */
export interface DomainPolicy {
  /** First month (1-12) and day of a school year (M5: 1 August). */
  readonly schoolYearStart: { readonly month: number; readonly day: number };
  /** Hours within which parents are to be informed of a measure, custody or account action (P2, E2, E3, M2). */
  readonly informParentsWithinHours: number;
  /** P5: working days within which a suspension over one day is reported in writing to the Inspectorate. */
  readonly inspectorateReportWithinWorkingDays: number;
  /** P6: weeks of searching for another school before a removal becomes final without one. */
  readonly removalSearchWeeks: number;
  /** P6: weeks within which the parents may ask for reconsideration of a removal. */
  readonly reconsiderationWeeks: number;
  /** P6: weeks within which the board hears the parents and decides on their objection. */
  readonly objectionDecisionWeeks: number;
  /** B1 ("within one working day") and B3 ("without delay"): when an inspector-queue item becomes overdue. */
  readonly inspectorCallWithinWorkingDays: number;
  /** S11 (Civil Code 7:677 "onverwijld"): working days between learning the facts and a summary dismissal beyond which the delay needs a reason. */
  readonly summaryDismissalWithinWorkingDays: number;
  /** B2: working days within which a decided police report is to be filed. */
  readonly policeReportWithinWorkingDays: number;
  /** Where the working days of B1, B2 and P5 are counted: time zone and public holidays (CAL1). */
  readonly workingDays: WorkingDayCalendar;
  /** P5 counts school days: the school holidays of the board and of each school are not (CAL1). */
  readonly schoolHolidays?: SchoolHolidays;
}

export const DEFAULT_POLICY: DomainPolicy = {
  schoolYearStart: { month: 8, day: 1 },
  informParentsWithinHours: 48,
  inspectorateReportWithinWorkingDays: 2,
  removalSearchWeeks: 8,
  reconsiderationWeeks: 6,
  objectionDecisionWeeks: 4,
  inspectorCallWithinWorkingDays: 1,
  policeReportWithinWorkingDays: 5,
  summaryDismissalWithinWorkingDays: 5,
  workingDays: DUTCH_WORKING_DAYS,
};
