/**
 * Which fields of which events are personal texts (decisions.md #37). Everything else — ids, kinds, categories,
 * dates, flags the rules need — stays in clear, so deciders, read models and the audit chain work without keys.
 * A text is sealed to the stream's subjects (the people the case is about); a person's name only to that person.
 */
export const PERSONAL_TEXTS: Readonly<Record<string, readonly string[]>> = {
  IncidentReported: ['summary'],
  ScopeAssessed: ['rationale'],
  EvidenceAdded: ['description'],
  CorrespondenceRecorded: ['summary'],
  IncidentClosed: ['rationale'],
  IncidentReopened: ['reason'],
  MeasureImposed: ['reason'],
  HearingHeld: ['summary'],
  StaffConductQualified: ['rationale'],
  InspectorCalled: ['summary'],
  ManagerConsulted: ['summary'],
  DisciplinaryMeasureImposed: ['reason'],
  CriminalReportDecisionOpened: ['suspectedOffence'],
  CriminalReportDecided: ['rationale'],
  EmailAccountSuspended: ['reason'],
  EmailUseWarned: ['reason'],
  PersonDataErased: [],
};

/** Events whose `involved[].displayName` are names: each sealed to its own person. */
export const NAMED_PEOPLE_EVENTS: ReadonlySet<string> = new Set(['IncidentReported']);
