import type { CommandContext } from '../shared/command-context';
import type { DepartedPersonKind } from './privacy.events';

export interface RecordDeparture {
  readonly type: 'RecordDeparture';
  readonly context: CommandContext;
  /** DIR3: the school a pupil left (the body's, or the directory's): a director records only its own school's. */
  readonly data: { readonly personId: string; readonly personKind: DepartedPersonKind; readonly leftOn: string; readonly schoolId: string | null };
}

export interface EraseDataOf {
  readonly type: 'EraseDataOf';
  readonly context: CommandContext;
  readonly data: { readonly personId: string; readonly basis: 'request' | 'retention'; readonly reason: string };
}

export type PersonRecordCommand = RecordDeparture | EraseDataOf;

export interface PlaceLegalHold {
  readonly type: 'PlaceLegalHold';
  readonly context: CommandContext;
  readonly data: { readonly incidentId: string; readonly reason: string };
}

export interface LiftLegalHold {
  readonly type: 'LiftLegalHold';
  readonly context: CommandContext;
  readonly data: { readonly incidentId: string; readonly reason: string };
}

export type LegalHoldCommand = PlaceLegalHold | LiftLegalHold;
