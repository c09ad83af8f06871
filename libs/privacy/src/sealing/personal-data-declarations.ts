import type { NewEvent, RecordedEvent } from '@casebook/event-store';

/** Which fields of one event type are personal: texts sealed to the stream's subjects, and a list of named people. */
export interface PersonalDataDeclaration {
  readonly texts: readonly string[];
  /** A field holding `[{ personId, displayName? }]`: each name is sealed to its own person. */
  readonly names?: string;
}

/** Every event type the store may take, with its personal fields (possibly none). The domain provides it. */
export type PersonalDataDeclarations = Readonly<Record<string, PersonalDataDeclaration>>;

/**
 * Whom a stream's personal texts are about (the domain knows: the people of a case as reported, the pupil of a
 * pupil's stream, …). `first` reads a stream's first event; the answer for a stream never changes.
 */
export type SubjectResolver = (
  streamId: string,
  events: readonly NewEvent[],
  first: (streamId: string) => Promise<RecordedEvent | undefined>,
) => Promise<readonly string[]>;

/** An event type with no declaration: refused rather than stored with whatever it holds in clear (fail closed). */
export class UndeclaredEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Event type ${eventType} declares no personal fields: it cannot be appended (declare it, possibly as none)`);
  }
}
