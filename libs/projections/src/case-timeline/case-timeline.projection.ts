import { caseOfStream, idIn } from '@casebook/event-store';
import type { RecordedEventOf } from '@casebook/incidents';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { TimelineCaseRow, TimelineEntryRow } from './case-timeline.entities';
import type { TimelineCategory } from './case-timeline.text';

/** B4: a record made more than this long after the moment it names is marked late in the timeline. */
export const LATE_AFTER_HOURS = 72;

/**
 * The case timeline: every event of a case in order, with time, actor and role; the decisions opened from it
 * (P4) appear in it too. Only facts are stored (no free text); the plain-language line is rendered per reader
 * language (`case-timeline.text.ts`), so switching language needs no rebuild.
 */
export const caseTimelineProjection: Projection<TimelineCategory> = {
  name: 'case-timeline',
  categories: ['pupil-incident', 'staff-misconduct', 'criminal-report'],
  entities: [TimelineEntryRow, TimelineCaseRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.timeline_entries (
  incident_id text NOT NULL, position bigint NOT NULL, stream_id text NOT NULL, revision integer NOT NULL,
  type text NOT NULL, school_id text, case_kind text NOT NULL, occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL, actor_id text NOT NULL, actor_role text NOT NULL, late boolean NOT NULL,
  facts jsonb NOT NULL, PRIMARY KEY (incident_id, position)
);
CREATE TABLE ${schema}.timeline_cases (ref_id text PRIMARY KEY, incident_id text NOT NULL, case_kind text NOT NULL);`,
  // Set-based per batch: the decisions' cases the batch needs in one query; new cases and entries in one write each.
  async apply(manager: EntityManager, events): Promise<void> {
    const decisionOf = (event: RecordedEventOf<TimelineCategory>) => idIn('criminal-report', event.streamId);
    const wanted = new Set(
      events
        .filter((e) => e.type !== 'CriminalReportDecisionOpened')
        .map(decisionOf)
        .filter((id): id is string => id !== null),
    );
    const cases = new Map<string, { incidentId: string; caseKind: string }>();
    if (wanted.size) for (const row of await manager.find(TimelineCaseRow, { where: { refId: In([...wanted]) } })) cases.set(row.refId, row);
    const newCases: TimelineCaseRow[] = [];
    const rows: TimelineEntryRow[] = [];
    for (const event of events) {
      const kase = caseOfStream(event.streamId);
      let incidentId = kase?.incidentId ?? null;
      let caseKind: string = kase?.kind ?? 'pupil-incident';
      if (event.type === 'IncidentReported' && incidentId) {
        newCases.push({ refId: incidentId, incidentId, caseKind });
      } else if (event.type === 'CriminalReportDecisionOpened') {
        incidentId = event.data.sourceIncidentId;
        caseKind = event.data.sourceKind;
        const decision = { refId: event.data.decisionId, incidentId, caseKind };
        cases.set(decision.refId, decision);
        newCases.push(decision);
      } else if (!incidentId) {
        const decision = cases.get(decisionOf(event) ?? '');
        if (!decision) continue;
        ({ incidentId, caseKind } = decision);
      }
      const occurredAt = new Date(event.metadata.occurredAt);
      const recordedAt = new Date(event.metadata.recordedAt);
      rows.push({
        incidentId,
        position: String(event.globalPosition),
        streamId: event.streamId,
        revision: event.streamRevision,
        type: event.type,
        schoolId: event.metadata.schoolId,
        caseKind,
        occurredAt,
        recordedAt,
        actorId: event.metadata.actorId,
        actorRole: event.metadata.actorRole,
        late: recordedAt.getTime() - occurredAt.getTime() > LATE_AFTER_HOURS * 3_600_000,
        facts: timelineFactsOf(event.type, event.data as Readonly<Record<string, unknown>>),
      });
    }
    await bulkInsert(manager, TimelineCaseRow, newCases, { ignoreConflicts: true });
    await bulkInsert(manager, TimelineEntryRow, rows);
  },
};

/** The facts a timeline line names: kinds, categories, ids and dates — never summaries, names or narratives. */
const FACT_KEYS = [
  'category',
  'kind',
  'inScope',
  'measure',
  'subjectId',
  'startsOn',
  'endsOn',
  'direction',
  'counterpart',
  'channel',
  'mediaType',
  'qualification',
  'basis',
  'conclusion',
  'inspectorReference',
  'decision',
  'decisionId',
  'heardPersonKind',
  'regarding',
  'statutory',
  'reference',
  'route',
  'outcome',
  'heardAs',
  'caseNumber',
  'recipient',
  'late',
  'from',
  'to',
  'informed',
  'afterPoliceReport',
] as const;

/** The facts of one event's line (also used by the audit export's printed timeline). */
export function timelineFactsOf(type: string, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const key of FACT_KEYS) if (data[key] !== undefined && data[key] !== null) facts[key] = data[key];
  if (type === 'InspectorNotificationQueued') facts['dueAt'] = (data['obligation'] as { dueAt?: string } | undefined)?.dueAt;
  if (type === 'IncidentReported') facts['involvedCount'] = Array.isArray(data['involved']) ? data['involved'].length : 0;
  if (type === 'InvolvedPersonAdded') {
    // Kind and role only: the person's id and name stay out of the timeline's facts.
    const [person] = (data['involved'] as { personKind?: string; role?: string }[] | undefined) ?? [];
    Object.assign(facts, { personKind: person?.personKind, role: person?.role });
  }
  return facts;
}
