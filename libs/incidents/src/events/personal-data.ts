import type { DomainEventType, EventOfType } from './domain-events';

/**
 * Which fields of an event are personal data (decisions.md #37): `texts` are sealed to the stream's subjects (the
 * people the case is about); `names` is a list of people whose `displayName` is sealed to that person alone.
 * Everything else — ids, kinds, categories, dates, flags the rules need — stays in clear, so deciders, read models
 * and the audit chain work without keys.
 */
export interface PersonalFields<E extends { readonly data: object }> {
  readonly texts: readonly (keyof E['data'] & string)[];
  readonly names?: keyof E['data'] & string;
}

/**
 * Every event type declares its personal fields, possibly none (issue #15: privacy fails closed). The table is
 * keyed by the domain's event union, so a new event type does not compile until it is declared here, and the
 * privacy store refuses to append an event of a type it has no declaration for.
 */
export const PERSONAL_DATA: { readonly [T in DomainEventType]: PersonalFields<EventOfType<T>> } = {
  IncidentReported: { texts: ['summary'], names: 'involved' },
  ScopeAssessed: { texts: ['rationale'] },
  EvidenceAdded: { texts: ['description'] },
  CorrespondenceRecorded: { texts: ['summary'] },
  IncidentClosed: { texts: ['rationale'] },
  ObligationWaived: { texts: ['rationale'] },
  IncidentReopened: { texts: ['reason'] },
  CaseNumbered: { texts: [] },
  IncidentReclassified: { texts: ['rationale'] },
  InvolvedPersonAdded: { texts: [], names: 'involved' },
  MeasureWithdrawn: { texts: ['rationale'] },
  CaseNumberAssigned: { texts: [] },
  // A staff person id: no text of anyone's.
  CaseAssigned: { texts: [] },
  // DIR1: names, e-mail addresses, phone numbers and dates of birth, sealed to the person.
  PersonRegistered: { texts: ['name', 'email', 'phone', 'dateOfBirth'] },
  PersonChanged: { texts: ['name', 'email', 'phone', 'dateOfBirth'] },
  PersonLeft: { texts: [] },
  SchoolRegistered: { texts: [] },
  SchoolChanged: { texts: [] },
  SuspensionBooked: { texts: [] },
  SuspensionBookingReleased: { texts: [] },
  CriminalReportDecisionLinked: { texts: [] },
  MeasureImposed: { texts: ['reason'] },
  HearingHeld: { texts: ['summary'] },
  // The Inspectorate's reference is a case number of theirs, not a text about a person.
  InspectorateReported: { texts: [] },
  RemovalIntended: { texts: ['reason'] },
  // The admitting school is a school's name, not a person's.
  RemovalPlacementRecorded: { texts: [] },
  RemovalObjected: { texts: ['summary'] },
  ObjectionDecided: { texts: ['rationale'] },
  ParentsInformed: { texts: [] },
  StaffConductQualified: { texts: ['rationale'] },
  InspectorNotificationQueued: { texts: [] },
  InspectorCalled: { texts: ['summary'] },
  ManagerConsulted: { texts: ['summary'] },
  DisciplinaryMeasureImposed: { texts: ['reason', 'delayReason'] },
  DisciplinaryIntentionAnnounced: { texts: [] },
  DismissalProcedureStarted: { texts: [] },
  DismissalProcedureConcluded: { texts: [] },
  CriminalReportDecisionOpened: { texts: ['suspectedOffence'] },
  CriminalReportDecided: { texts: ['rationale'] },
  PoliceReportFiled: { texts: [] },
  StatutoryNoticeGiven: { texts: [] },
  DeviceTakenIntoCustody: { texts: [] },
  DeviceReturned: { texts: [] },
  DeviceReturnOverdue: { texts: [] },
  EmailAccountSuspended: { texts: ['reason'] },
  EmailUseWarned: { texts: ['reason'] },
  ConsentGiven: { texts: [] },
  ConsentRefused: { texts: [] },
  ConsentWithdrawn: { texts: [] },
  RecordingPermissionGranted: { texts: [] },
  DossierRead: { texts: [] },
  PersonDeparted: { texts: [] },
  PersonDataErased: { texts: [] },
  LegalHoldPlaced: { texts: [] },
  LegalHoldLifted: { texts: [] },
};

/** The event types of this version: the keys of the declaration table, which the compiler keeps complete. */
export const DOMAIN_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(PERSONAL_DATA));

export function isDomainEventType(type: string): type is DomainEventType {
  return DOMAIN_EVENT_TYPES.has(type);
}
