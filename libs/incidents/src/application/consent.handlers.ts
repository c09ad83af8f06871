import type { EventStore } from '@casebook/event-store';
import type { PupilConsentCommand, SchoolConsentCommand } from '../domain/consent/consent.commands';
import { decidePupilConsent, decideSchoolConsent, evolvePupilConsent, evolveSchoolConsent, initialPupilConsentState, initialSchoolConsentState, type PupilConsentState, type SchoolConsentState } from '../domain/consent/consent.decider';
import type { PupilConsentEvent, SchoolConsentEvent } from '../domain/consent/consent.events';
import { StreamCommandHandler } from './stream-command-handler';

/** E4, R2: a pupil's consents (`pupil-consent-<pupilId>`). */
export const pupilConsentStream = (pupilId: string): string => `pupil-consent-${pupilId}`;
/** R1: a school's recording permissions (`school-consent-<schoolId>`). */
export const schoolConsentStream = (schoolId: string): string => `school-consent-${schoolId}`;

const schoolOf = (_state: unknown, events: readonly { data: unknown }[]) => (events[0]?.data as { schoolId?: string } | undefined)?.schoolId ?? null;

export function pupilConsentHandler(store: EventStore): StreamCommandHandler<PupilConsentCommand, PupilConsentEvent, PupilConsentState> {
  return new StreamCommandHandler(store, { initialState: initialPupilConsentState, evolve: evolvePupilConsent, decide: decidePupilConsent }, schoolOf);
}

export function schoolConsentHandler(store: EventStore): StreamCommandHandler<SchoolConsentCommand, SchoolConsentEvent, SchoolConsentState> {
  return new StreamCommandHandler(store, { initialState: initialSchoolConsentState, evolve: evolveSchoolConsent, decide: decideSchoolConsent }, schoolOf);
}
