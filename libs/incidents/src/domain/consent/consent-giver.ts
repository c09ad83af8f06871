import { localDateOf } from '../shared/local-date';
import { type RuleViolation, refuse } from '../shared/rule-violation';
import type { ConsentGiver } from './consent.events';

/** AVG/UAVG art. 5: the age of digital consent in the Netherlands. */
export const CONSENT_AGE = 16;

/** Full years on the local date of `now` of someone born on `dateOfBirth` (YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, now: string, timeZone: string): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const today = localDateOf(new Date(now), timeZone);
  const hadBirthday = today.month > month || (today.month === month && today.day >= day);
  return today.year - year - (hadBirthday ? 0 : 1);
}

/**
 * rule CON1: under 16 a parent with parental authority decides; from 16 the pupil. An unknown age counts as under 16
 * (the board's pupils are primary-school children): a pupil's own consent needs a date of birth showing 16 or more.
 */
export function wrongConsentGiver(givenBy: ConsentGiver, dateOfBirth: string | null, now: string, timeZone: string): RuleViolation | undefined {
  const age = dateOfBirth ? ageOn(dateOfBirth, now, timeZone) : null;
  if (givenBy === 'pupil' && (age === null || age < CONSENT_AGE)) {
    return refuse(
      'CON1',
      age === null
        ? 'A pupil decides only from 16: the date of birth is not known, so a parent with parental authority decides'
        : `The pupil is ${age}: under 16 a parent with parental authority decides`,
    );
  }
  if (givenBy === 'parents' && age !== null && age >= CONSENT_AGE) return refuse('CON1', `The pupil is ${age}: from 16 the pupil decides, not the parents`);
  return undefined;
}
