import type { CommandContext } from '../shared/command-context';
import { isAfter } from '../shared/calendar';
import { type Decision, refuse } from '../shared/rule-violation';
import type { ManagerConsulted } from '../staff-misconduct/staff-misconduct.events';

/**
 * A staff member's own record (`staff-record-<staffId>`), beside any case: rule S10 (revision 2) — consulting the
 * manager is diligence, not misconduct, so it is recorded without a misconduct case and shows in the personnel file.
 */
export interface RecordOwnManagerConsultation {
  readonly type: 'RecordOwnManagerConsultation';
  readonly context: CommandContext;
  readonly data: {
    readonly staffId: string;
    readonly consultationId: string;
    readonly consultedAt: string;
    readonly summary: string;
    readonly managerId?: string;
  };
}

export type StaffRecordCommand = RecordOwnManagerConsultation;
export type StaffRecordEvent = ManagerConsulted;

export interface StaffRecordState {
  readonly consultationIds: readonly string[];
}

export const initialStaffRecordState: StaffRecordState = { consultationIds: [] };

export function evolveStaffRecord(state: StaffRecordState, event: StaffRecordEvent): StaffRecordState {
  return { consultationIds: [...state.consultationIds, event.data.consultationId] };
}

/** rule S10: the staff member themselves, a director or the board records it; with a summary; not in the future (B4). */
export function decideStaffRecord(command: StaffRecordCommand, state: StaffRecordState): Decision<StaffRecordEvent> {
  const { data, context } = command;
  const { actor } = context;
  if (actor.id !== data.staffId && actor.role !== 'director' && actor.role !== 'board') {
    return refuse('S10', 'A consultation is recorded by the staff member, a director or the board', 'forbidden');
  }
  if (state.consultationIds.includes(data.consultationId)) return refuse('S10', `Consultation ${data.consultationId} is already recorded`);
  if (!data.summary.trim()) return refuse('S10', 'A consultation is recorded with a summary');
  if (isAfter(data.consultedAt, context.now)) return refuse('B4', 'consultedAt lies in the future');
  return [
    {
      type: 'ManagerConsulted',
      data: {
        consultationId: data.consultationId,
        consultedAt: data.consultedAt,
        summary: data.summary,
        managerId: data.managerId ?? null,
        recordedBy: actor.id,
      },
    },
  ];
}
