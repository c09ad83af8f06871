import type { EventStore } from '@casebook/event-store';
import type { LegalHoldCommand, PersonRecordCommand } from '../domain/privacy/privacy.commands';
import { decideLegalHold, decidePersonRecord, evolveLegalHold, evolvePersonRecord, initialLegalHoldState, initialPersonRecordState, type LegalHoldState, type PersonRecordState } from '../domain/privacy/privacy.decider';
import type { LegalHoldEvent, PersonRecordEvent } from '../domain/privacy/privacy.events';
import { StreamCommandHandler } from './stream-command-handler';

/** A person's privacy record (`privacy-<personId>`): departure, erasures. */
export const personRecordStream = (personId: string): string => `privacy-${personId}`;
/** A case's legal hold (`legal-hold-<incidentId>`). */
export const legalHoldStream = (incidentId: string): string => `legal-hold-${incidentId}`;

export function personRecordHandler(store: EventStore): StreamCommandHandler<PersonRecordCommand, PersonRecordEvent, PersonRecordState> {
  return new StreamCommandHandler(store, { initialState: initialPersonRecordState, evolve: evolvePersonRecord, decide: decidePersonRecord }, () => null);
}

export function legalHoldHandler(store: EventStore): StreamCommandHandler<LegalHoldCommand, LegalHoldEvent, LegalHoldState> {
  return new StreamCommandHandler(store, { initialState: initialLegalHoldState, evolve: evolveLegalHold, decide: decideLegalHold }, () => null);
}
