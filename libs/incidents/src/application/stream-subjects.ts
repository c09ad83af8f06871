import { caseOfStream, idIn, streamIds } from '@casebook/event-store';
import type { SubjectResolver } from '@casebook/privacy';

type Data = Readonly<Record<string, unknown>>;
type Opening = { readonly type: string; readonly data: unknown };

/**
 * Whom a stream's personal texts are about (decisions.md #37), for the privacy store that seals them: the people
 * involved in a case as reported (its first event); for a criminal-report decision, those of its source case; for
 * a pupil's conduct or consent stream, the pupil. Read from the streams themselves: ids are in clear.
 */
export const subjectsOfStream: SubjectResolver = async (streamId, events, first) => {
  const pupil = idIn('pupil-conduct', streamId) ?? idIn('pupil-consent', streamId);
  if (pupil) return [pupil];
  // S10: a staff member's own record is about that staff member.
  const staff = idIn('staff-record', streamId);
  if (staff) return [staff];
  // DIR1: a directory person's record is about that person.
  const person = idIn('directory-person', streamId);
  if (person) return [person];
  if (!caseOfStream(streamId) && !idIn('criminal-report', streamId)) return [];
  const opening: Opening | undefined =
    events.find((event) => event.type === 'IncidentReported' || event.type === 'CriminalReportDecisionOpened') ?? (await first(streamId));
  if (!opening) return [];
  const data = opening.data as Data;
  if (opening.type === 'IncidentReported') return ((data['involved'] as Data[] | undefined) ?? []).map((person) => String(person['personId']));
  if (opening.type === 'CriminalReportDecisionOpened') {
    const kind = data['sourceKind'] === 'staff-misconduct' ? 'staff-misconduct' : 'pupil-incident';
    const report = await first(streamIds.case(kind, String(data['sourceIncidentId'])));
    return ((report?.data as Data | undefined)?.['involved'] as Data[] | undefined)?.map((person) => String(person['personId'])) ?? [];
  }
  return [];
};
