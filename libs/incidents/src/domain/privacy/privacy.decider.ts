import { type Role, actsForSchool } from '../shared/actor';
import { type Decision, assertNever, refuse } from '../shared/rule-violation';
import type { LegalHoldCommand, PersonRecordCommand } from './privacy.commands';
import type { LegalHoldEvent, PersonRecordEvent } from './privacy.events';

export interface PersonRecordState {
  readonly departed: { readonly personKind: string; readonly leftOn: string } | null;
  readonly erasures: number;
}

export const initialPersonRecordState: PersonRecordState = { departed: null, erasures: 0 };

export function evolvePersonRecord(state: PersonRecordState, event: PersonRecordEvent): PersonRecordState {
  switch (event.type) {
    case 'PersonDeparted':
      return { ...state, departed: { personKind: event.data.personKind, leftOn: event.data.leftOn } };
    case 'PersonDataErased':
      return { ...state, erasures: state.erasures + 1 };
    default:
      return assertNever(event);
  }
}

/** Who records a departure: the school's administration acts through the board, a director (pupils) or HR (staff). */
const RECORDS_DEPARTURE: Record<string, readonly Role[]> = { pupil: ['board', 'director'], staff: ['board', 'hr'] };
/** Erasure on request or by the retention job: the board, or legal (the privacy officer). */
const ERASES: readonly Role[] = ['board', 'legal'];

export function decidePersonRecord(command: PersonRecordCommand, state: PersonRecordState): Decision<PersonRecordEvent> {
  const { actor } = command.context;
  switch (command.type) {
    case 'RecordDeparture':
      if (!(RECORDS_DEPARTURE[command.data.personKind] ?? []).includes(actor.role)) {
        return refuse(
          'ROLE',
          `A ${command.data.personKind}'s departure is recorded by ${(RECORDS_DEPARTURE[command.data.personKind] ?? []).join(' or ')}`,
          'forbidden',
        );
      }
      // rule DIR3: a pupil's departure recorded by hand names the school; a director records only its own school's.
      if (command.data.personKind === 'pupil' && actor.role === 'director') {
        if (!command.data.schoolId) return refuse('DIR3', 'Name the school the pupil left (schoolId): the directory does not know this pupil');
        if (!actsForSchool(actor, command.data.schoolId))
          return refuse('DIR3', `The pupil left ${command.data.schoolId}: its director or the board records that`, 'forbidden');
      }
      // A later departure replaces an earlier one (a pupil who came back and left again); the same one again is a no-op.
      if (state.departed?.leftOn === command.data.leftOn && state.departed.personKind === command.data.personKind) return [];
      return [{ type: 'PersonDeparted', data: { ...command.data, recordedBy: actor.id } }];
    case 'EraseDataOf':
      if (!ERASES.includes(actor.role)) return refuse('ROLE', 'Personal data is erased by the board or legal', 'forbidden');
      if (!command.data.reason.trim()) return refuse('ROLE', 'An erasure states its reason');
      return [{ type: 'PersonDataErased', data: { ...command.data, erasedBy: actor.id } }];
    default:
      return assertNever(command);
  }
}

export interface LegalHoldState {
  readonly held: boolean;
}

export const initialLegalHoldState: LegalHoldState = { held: false };

export function evolveLegalHold(_state: LegalHoldState, event: LegalHoldEvent): LegalHoldState {
  switch (event.type) {
    case 'LegalHoldPlaced':
      return { held: true };
    case 'LegalHoldLifted':
      return { held: false };
    default:
      return assertNever(event);
  }
}

/** HOLD: a legal hold on a case (board, legal) stops erasure of the people in it until it is lifted. */
export function decideLegalHold(command: LegalHoldCommand, state: LegalHoldState): Decision<LegalHoldEvent> {
  const { actor } = command.context;
  if (!ERASES.includes(actor.role)) return refuse('HOLD', 'A legal hold is placed and lifted by the board or legal', 'forbidden');
  if (!command.data.reason.trim()) return refuse('HOLD', 'A legal hold states its reason');
  switch (command.type) {
    case 'PlaceLegalHold':
      return state.held
        ? refuse('HOLD', 'This case is already under a legal hold')
        : [{ type: 'LegalHoldPlaced', data: { ...command.data, placedBy: actor.id } }];
    case 'LiftLegalHold':
      return state.held ? [{ type: 'LegalHoldLifted', data: { ...command.data, liftedBy: actor.id } }] : refuse('HOLD', 'This case is not under a legal hold');
    default:
      return assertNever(command);
  }
}
