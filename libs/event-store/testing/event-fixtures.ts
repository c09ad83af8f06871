import { randomUUID } from 'node:crypto';
import { type NewEvent, newEventId } from '../src';

/** A data-only event for contract tests; the store never interprets it. */
export function testEvent(type = 'thing-happened', data: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: newEventId(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actorId: 'staff-1',
      actorRole: 'director',
      schoolId: 'school-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-11-02T09:30:00.000+01:00',
    },
  };
}

export function testEvents(count: number, type = 'thing-happened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => testEvent(type, { index }));
}

/** A stream id unique to one test, in a category the test names. */
export function testStream(category = 'pupil-incident'): string {
  return `${category}-${randomUUID()}`;
}
