import { v7 as uuidv7, validate } from 'uuid';

/** Event ids are UUIDv7: unique without coordination, and roughly time-ordered, which keeps indexes compact. */
export function newEventId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value);
}
