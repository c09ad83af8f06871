import { type ValidationOptions, registerDecorator } from 'class-validator';

/** api.md, Conventions: person and school ids are opaque strings of 1–64 letters, digits, `-`, `_`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A moment: ISO 8601 date-time with an offset (api.md), and a real one (no 31 February). */
export function IsMoment(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMoment',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 date-time with an offset, such as 2026-11-02T09:30:00+01:00', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && MOMENT.test(value) && !Number.isNaN(Date.parse(value)) && sameDay(value),
      },
    });
}

/** Date.parse rolls 2026-02-31 over to March; a moment must name a day that exists. */
function sameDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (api.md: `YYYY-MM-DD`) that exists. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a calendar day, YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && CALENDAR_DAY.test(value) && sameDay(value) },
    });
}

/**
 * The day or moment lies on or after the one in `property` of the same body, when both are given
 * (an `endsOn` before its `startsOn` is impossible input: 400, not a rule question).
 */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [property],
      options: { message: `$property must not lie before ${property}`, ...options },
      validator: {
        validate: (value: unknown, args) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [a, b] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(a) || Number.isNaN(b) || a >= b;
        },
      },
    });
}

/** A lowercase or uppercase hex SHA-256 digest. */
export const SHA256_PATTERN = /^[A-Fa-f0-9]{64}$/;
