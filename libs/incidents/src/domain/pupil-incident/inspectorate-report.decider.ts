import { isAfter } from '../shared/calendar';
import { type Decision, refuse } from '../shared/rule-violation';
import type { RecordInspectorateReport } from './pupil-incident.commands';
import type { InspectorateReported } from './pupil-incident.events';
import type { PupilIncidentState } from './pupil-incident.state';

/**
 * rule P5: a suspension longer than one day is reported in writing, with reasons, to the Inspectorate; recording
 * that report (when, its reference) closes the obligation the suspension opened. Without `regarding`, the case's
 * one open report is meant; with several open, the command must say which.
 */
export function decideInspectorateReport(command: RecordInspectorateReport, state: PupilIncidentState): Decision<InspectorateReported> {
  const { data, context } = command;
  if (context.actor.role !== 'director' && context.actor.role !== 'board') {
    return refuse('ROLE', 'Reports to the Inspectorate are recorded by a director or the board', 'forbidden');
  }
  // rule P6: a removal is also reported to the school-attendance officer.
  const reports = data.recipient === 'attendance-officer' ? state.attendanceNoticesOpen : state.inspectorateReportsOpen;
  const open = Object.keys(reports);
  const regarding = data.regarding ?? (open.length === 1 ? open[0] : undefined);
  if (regarding === undefined) {
    return open.length
      ? refuse('P5', `Several reports to the Inspectorate are open (${open.join(', ')}): name the suspension in regarding`)
      : refuse('P5', 'No report to the Inspectorate is open in this case');
  }
  const obligationId = reports[regarding];
  if (!obligationId) {
    return state.measureIds[regarding]
      ? refuse('P5', `No report to the Inspectorate is open for measure ${regarding}`)
      : refuse('P5', `No measure ${regarding} in this case`, 'not-found');
  }
  if (!data.reference.trim()) return refuse('P5', "The report is recorded with the Inspectorate's reference");
  // rule B4: what happened cannot lie after the moment it is recorded.
  if (isAfter(data.reportedAt, context.now)) return refuse('B4', 'reportedAt lies in the future');
  return [
    {
      type: 'InspectorateReported',
      data: {
        regarding,
        reportedAt: data.reportedAt,
        reference: data.reference,
        ...(data.recipient === 'attendance-officer' ? { recipient: data.recipient } : {}),
        recordedBy: context.actor.id,
        closesObligationId: obligationId,
      },
    },
  ];
}
