import type { RecordedEvent, StreamCategory } from '@casebook/event-store';
import type { DossierRead } from '../domain/access-log/dossier-read.events';
import type { CaseNumberEvent } from '../domain/case-number/case-number.events';
import type { StaffRecordEvent } from '../domain/staff-record/staff-record.decider';
import type { DirectoryPersonEvent, DirectorySchoolEvent } from '../domain/directory/directory.events';
import type { PupilConsentEvent, SchoolConsentEvent } from '../domain/consent/consent.events';
import type { CriminalReportEvent } from '../domain/criminal-report/criminal-report.events';
import type { LegalHoldEvent, PersonRecordEvent } from '../domain/privacy/privacy.events';
import type { PupilConductEvent } from '../domain/pupil-conduct/pupil-conduct.events';
import type { PupilIncidentEvent } from '../domain/pupil-incident/pupil-incident.events';
import type { StaffMisconductEvent } from '../domain/staff-misconduct/staff-misconduct.events';

/**
 * Which events each kind of stream holds: the one map from stream categories to the domain's event unions.
 * Everything past the decider — projections, the integration-event mapper, timeline texts, the personal-data
 * declarations — is keyed by these unions, so an event type nobody handles is a compile error (issue #15).
 */
export interface StreamEvents {
  readonly 'pupil-incident': PupilIncidentEvent;
  readonly 'staff-misconduct': StaffMisconductEvent;
  readonly 'criminal-report': CriminalReportEvent;
  readonly 'pupil-conduct': PupilConductEvent;
  readonly 'pupil-consent': PupilConsentEvent;
  readonly 'school-consent': SchoolConsentEvent;
  readonly 'access-log': DossierRead;
  readonly privacy: PersonRecordEvent;
  readonly 'legal-hold': LegalHoldEvent;
  readonly 'case-numbers': CaseNumberEvent;
  readonly 'staff-record': StaffRecordEvent;
  readonly 'directory-person': DirectoryPersonEvent;
  readonly 'directory-school': DirectorySchoolEvent;
}

/** Every stream category has its events (and only those): checked here, at compile time. */
type EveryCategoryHasEvents = { readonly [C in StreamCategory]: StreamEvents[C] } extends StreamEvents
  ? keyof StreamEvents extends StreamCategory
    ? true
    : never
  : never;
export const STREAM_EVENTS_COVER_EVERY_CATEGORY: EveryCategoryHasEvents = true;

export type EventsOf<C extends StreamCategory> = StreamEvents[C];
export type DomainEvent = EventsOf<StreamCategory>;
export type DomainEventType = DomainEvent['type'];
export type EventOfType<T extends DomainEventType> = Extract<DomainEvent, { readonly type: T }>;

/** A stored event with the type and data of a domain event (one per member of the union, so `switch` narrows). */
export type Recorded<E extends { readonly type: string; readonly data: unknown }> = E extends unknown ? RecordedEvent<E['type'], E['data']> : never;
export type RecordedDomainEvent = Recorded<DomainEvent>;
export type RecordedEventOf<C extends StreamCategory> = Recorded<EventsOf<C>>;

/** A stored event whose type this software does not know: refused at append (privacy) and at projection. */
export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Event type ${eventType} is not a domain event of this version`);
  }
}
