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
