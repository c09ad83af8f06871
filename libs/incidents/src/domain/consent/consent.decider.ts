import { actsForSchool } from '../shared/actor';
import { DUTCH_WORKING_DAYS } from '../shared/calendar';
import { wrongConsentGiver } from './consent-giver';
import { type Decision, assertNever, refuse } from '../shared/rule-violation';
import type { PupilConsentCommand, SchoolConsentCommand } from './consent.commands';
import type { ConsentPurpose, PupilConsentEvent, SchoolConsentEvent } from './consent.events';

export interface PupilConsentState {
  /** Per purpose: the latest decision. */
  readonly status: Readonly<Partial<Record<ConsentPurpose, 'given' | 'refused' | 'withdrawn'>>>;
}

export const initialPupilConsentState: PupilConsentState = { status: {} };

export function evolvePupilConsent(state: PupilConsentState, event: PupilConsentEvent): PupilConsentState {
  switch (event.type) {
    case 'ConsentGiven':
      return { status: { ...state.status, [event.data.purpose]: 'given' } };
    case 'ConsentRefused':
      return { status: { ...state.status, [event.data.purpose]: 'refused' } };
    case 'ConsentWithdrawn':
      return { status: { ...state.status, [event.data.purpose]: 'withdrawn' } };
    default:
      return assertNever(event);
  }
}

export function decidePupilConsent(
  command: PupilConsentCommand,
  state: PupilConsentState,
  timeZone = DUTCH_WORKING_DAYS.timeZone,
): Decision<PupilConsentEvent> {
  const { actor } = command.context;
  const { data } = command;
  const rule = data.purpose === 'mailbox' ? 'E4' : 'R2';
  if (!(actor.role === 'board' || (actor.role === 'director' && actsForSchool(actor, data.schoolId)))) {
    return refuse(rule, 'Consents are recorded by the director of the pupil’s school or the board', 'forbidden');
  }
  // rule E4: a pupil's mailbox is created only after the *parents* agreed.
  if (data.purpose === 'mailbox' && data.givenBy !== 'parents') return refuse('E4', 'A mailbox needs the consent of the parents');
  // rule CON1: the website consent is the parents' under 16, the pupil's own from 16 (given, refused or withdrawn alike).
  if (data.purpose === 'website-publication') {
    const wrong = wrongConsentGiver(data.givenBy, data.dateOfBirth ?? null, command.context.now, timeZone);
    if (wrong) return wrong;
  }
  const { pupilId, schoolId, purpose, givenBy } = data;
  switch (data.decision) {
    case 'given':
      return [{ type: 'ConsentGiven', data: { pupilId, schoolId, purpose, givenBy, documentSha256: data.documentSha256, recordedBy: actor.id } }];
    case 'refused':
      return [{ type: 'ConsentRefused', data: { pupilId, schoolId, purpose, givenBy, recordedBy: actor.id } }];
    case 'withdrawn':
      // rule R2: consent and its withdrawal are events; only a consent that was given can be withdrawn.
      if (state.status[purpose] !== 'given') return refuse(rule, `There is no ${purpose} consent to withdraw`);
      return [{ type: 'ConsentWithdrawn', data: { pupilId, schoolId, purpose, givenBy, recordedBy: actor.id } }];
    default:
      return assertNever(data.decision);
  }
}

export interface SchoolConsentState {
  readonly permissionIds: readonly string[];
}

export const initialSchoolConsentState: SchoolConsentState = { permissionIds: [] };

export function evolveSchoolConsent(state: SchoolConsentState, event: SchoolConsentEvent): SchoolConsentState {
  return { permissionIds: [...state.permissionIds, event.data.permissionId] };
}

export function decideSchoolConsent(command: SchoolConsentCommand, state: SchoolConsentState): Decision<SchoolConsentEvent> {
  const { actor } = command.context;
  const { data } = command;
  // rule R1: recordings need the *director's* written permission: the director of that school, with the document.
  if (actor.role !== 'director' || !actsForSchool(actor, data.schoolId))
    return refuse('R1', 'Recording permission is given by the director of the school', 'forbidden');
  if (!data.what.trim()) return refuse('R1', 'A permission says what may be recorded');
  if (data.validUntil !== null && data.validUntil < data.validFrom) return refuse('R1', 'A permission cannot end before it starts');
  if (state.permissionIds.includes(data.permissionId)) return [];
  return [{ type: 'RecordingPermissionGranted', data: { ...data, grantedBy: actor.id } }];
}
