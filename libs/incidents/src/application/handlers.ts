import type { EventStore } from '@casebook/event-store';
import type { CaseState } from '../domain/case/case.state';
import type { PupilConsentCommand, SchoolConsentCommand } from '../domain/consent/consent.commands';
import {
  decidePupilConsent,
  decideSchoolConsent,
  evolvePupilConsent,
  evolveSchoolConsent,
  initialPupilConsentState,
  initialSchoolConsentState,
  type PupilConsentState,
  type SchoolConsentState,
} from '../domain/consent/consent.decider';
import type { PupilConsentEvent, SchoolConsentEvent } from '../domain/consent/consent.events';
import type { CriminalReportCommand } from '../domain/criminal-report/criminal-report.commands';
import { decideCriminalReport } from '../domain/criminal-report/criminal-report.decider';
import type { CriminalReportEvent } from '../domain/criminal-report/criminal-report.events';
import { type CriminalReportState, evolveCriminalReport, initialCriminalReportState } from '../domain/criminal-report/criminal-report.state';
import type { LegalHoldCommand, PersonRecordCommand } from '../domain/privacy/privacy.commands';
import {
  decideLegalHold,
  decidePersonRecord,
  evolveLegalHold,
  evolvePersonRecord,
  initialLegalHoldState,
  initialPersonRecordState,
  type LegalHoldState,
  type PersonRecordState,
} from '../domain/privacy/privacy.decider';
import type { LegalHoldEvent, PersonRecordEvent } from '../domain/privacy/privacy.events';
import type { PupilConductCommand } from '../domain/pupil-conduct/pupil-conduct.commands';
import { decidePupilConduct } from '../domain/pupil-conduct/pupil-conduct.decider';
import type { PupilConductEvent } from '../domain/pupil-conduct/pupil-conduct.events';
import { evolvePupilConduct, initialPupilConductState, type PupilConductState } from '../domain/pupil-conduct/pupil-conduct.state';
import type { PupilIncidentCommand } from '../domain/pupil-incident/pupil-incident.commands';
import { decidePupilIncident } from '../domain/pupil-incident/pupil-incident.decider';
import type { PupilIncidentEvent } from '../domain/pupil-incident/pupil-incident.events';
import { evolvePupilIncident, initialPupilIncidentState, type PupilIncidentState } from '../domain/pupil-incident/pupil-incident.state';
import type { DomainPolicy } from '../domain/shared/command-context';
import type { StaffMisconductCommand } from '../domain/staff-misconduct/staff-misconduct.commands';
import { decideStaffMisconduct } from '../domain/staff-misconduct/staff-misconduct.decider';
import type { StaffMisconductEvent } from '../domain/staff-misconduct/staff-misconduct.events';
import { evolveStaffMisconduct, initialStaffMisconductState, type StaffMisconductState } from '../domain/staff-misconduct/staff-misconduct.state';
import {
  type StaffRecordCommand,
  type StaffRecordEvent,
  type StaffRecordState,
  decideStaffRecord,
  evolveStaffRecord,
  initialStaffRecordState,
} from '../domain/staff-record/staff-record.decider';
import { StreamCommandHandler } from './stream-command-handler';

/** A case's school: known once reported; for the report itself, the school it names. */
function caseSchool(state: CaseState, events: readonly { readonly data: unknown }[]): string | null {
  return state.schoolId || ((events[0]?.data as { schoolId?: string } | undefined)?.schoolId ?? null);
}

/** The school an event names itself (consents, a decision's opening), else none. */
const schoolNamed = (events: readonly { readonly data: unknown }[]) => (events[0]?.data as { schoolId?: string } | undefined)?.schoolId ?? null;

export function pupilIncidentHandler(
  store: EventStore,
  policy: DomainPolicy,
): StreamCommandHandler<PupilIncidentCommand, PupilIncidentEvent, PupilIncidentState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialPupilIncidentState, evolve: evolvePupilIncident, decide: (c, s) => decidePupilIncident(c, s, policy) },
    caseSchool,
  );
}

export function staffMisconductHandler(
  store: EventStore,
  policy: DomainPolicy,
): StreamCommandHandler<StaffMisconductCommand, StaffMisconductEvent, StaffMisconductState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialStaffMisconductState, evolve: evolveStaffMisconduct, decide: (c, s) => decideStaffMisconduct(c, s, policy) },
    caseSchool,
  );
}

export function criminalReportHandler(
  store: EventStore,
  policy: DomainPolicy,
): StreamCommandHandler<CriminalReportCommand, CriminalReportEvent, CriminalReportState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialCriminalReportState, evolve: evolveCriminalReport, decide: (c, s) => decideCriminalReport(c, s, policy) },
    (state, events) => state.schoolId || schoolNamed(events),
  );
}

/** Device custody and the e-mail account (M1–M6, E1–E3) on `pupil-conduct-<pupilId>`. */
export function pupilConductHandler(store: EventStore, policy: DomainPolicy): StreamCommandHandler<PupilConductCommand, PupilConductEvent, PupilConductState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialPupilConductState, evolve: evolvePupilConduct, decide: (c, s) => decidePupilConduct(c, s, policy) },
    // The school of the event itself, or of the custody a notification or return is about.
    (state, events) => {
      const data = (events[0]?.data ?? {}) as { schoolId?: string; regarding?: string; custodyId?: string };
      return data.schoolId ?? state.custodies[data.regarding ?? data.custodyId ?? '']?.schoolId ?? null;
    },
  );
}

export function pupilConsentHandler(store: EventStore, policy: DomainPolicy): StreamCommandHandler<PupilConsentCommand, PupilConsentEvent, PupilConsentState> {
  // CON1 counts the pupil's age on the local date where the board is.
  const decide = (command: PupilConsentCommand, state: PupilConsentState) => decidePupilConsent(command, state, policy.workingDays.timeZone);
  return new StreamCommandHandler(store, { initialState: initialPupilConsentState, evolve: evolvePupilConsent, decide }, (_s, events) => schoolNamed(events));
}

export function schoolConsentHandler(store: EventStore): StreamCommandHandler<SchoolConsentCommand, SchoolConsentEvent, SchoolConsentState> {
  return new StreamCommandHandler(store, { initialState: initialSchoolConsentState, evolve: evolveSchoolConsent, decide: decideSchoolConsent }, (_s, events) =>
    schoolNamed(events),
  );
}

export function personRecordHandler(store: EventStore): StreamCommandHandler<PersonRecordCommand, PersonRecordEvent, PersonRecordState> {
  return new StreamCommandHandler(store, { initialState: initialPersonRecordState, evolve: evolvePersonRecord, decide: decidePersonRecord }, () => null);
}

export function legalHoldHandler(store: EventStore): StreamCommandHandler<LegalHoldCommand, LegalHoldEvent, LegalHoldState> {
  return new StreamCommandHandler(store, { initialState: initialLegalHoldState, evolve: evolveLegalHold, decide: decideLegalHold }, () => null);
}

export function staffRecordHandler(store: EventStore): StreamCommandHandler<StaffRecordCommand, StaffRecordEvent, StaffRecordState> {
  return new StreamCommandHandler(store, { initialState: initialStaffRecordState, evolve: evolveStaffRecord, decide: decideStaffRecord }, () => null);
}

/** One handler per stream kind, made once per process (issue #15: not per request). */
export function buildHandlers(store: EventStore, policy: DomainPolicy) {
  return {
    pupilIncident: pupilIncidentHandler(store, policy),
    staffMisconduct: staffMisconductHandler(store, policy),
    criminalReport: criminalReportHandler(store, policy),
    pupilConduct: pupilConductHandler(store, policy),
    pupilConsent: pupilConsentHandler(store, policy),
    schoolConsent: schoolConsentHandler(store),
    personRecord: personRecordHandler(store),
    legalHold: legalHoldHandler(store),
    staffRecord: staffRecordHandler(store),
  };
}

export type Handlers = ReturnType<typeof buildHandlers>;
