import type { EventStore } from '@casebook/event-store';
import type { CriminalReportCommand } from '../domain/criminal-report/criminal-report.commands';
import { decideCriminalReport } from '../domain/criminal-report/criminal-report.decider';
import type { CriminalReportEvent } from '../domain/criminal-report/criminal-report.events';
import { type CriminalReportState, evolveCriminalReport, initialCriminalReportState } from '../domain/criminal-report/criminal-report.state';
import type { DomainPolicy } from '../domain/shared/command-context';
import { StreamCommandHandler } from './stream-command-handler';

/** Stream id of a criminal-report decision (domain spec: `criminal-report-<uuid>`). */
export const criminalReportStream = (decisionId: string): string => `criminal-report-${decisionId}`;

export function criminalReportHandler(
  store: EventStore,
  policy: DomainPolicy,
): StreamCommandHandler<CriminalReportCommand, CriminalReportEvent, CriminalReportState> {
  return new StreamCommandHandler(
    store,
    { initialState: initialCriminalReportState, evolve: evolveCriminalReport, decide: (command, state) => decideCriminalReport(command, state, policy) },
    (state, events) => state.schoolId || ((events[0]?.data as { schoolId?: string } | undefined)?.schoolId ?? null),
  );
}
