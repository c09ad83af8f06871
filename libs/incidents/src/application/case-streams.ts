import { CASE_KINDS, type CaseKind, type EventStore, type RecordedEvent, streamIds } from '@casebook/event-store';
import type { CaseState } from '../domain/case/case.state';
import { excludedFromCase } from '../domain/case/conflict-of-interest';
import type { SourceCase } from '../domain/criminal-report/criminal-report.commands';
import type { PupilIncidentEvent } from '../domain/pupil-incident/pupil-incident.events';
import { evolvePupilIncident, initialPupilIncidentState } from '../domain/pupil-incident/pupil-incident.state';
import type { StaffMisconductEvent } from '../domain/staff-misconduct/staff-misconduct.events';
import { evolveStaffMisconduct, initialStaffMisconductState } from '../domain/staff-misconduct/staff-misconduct.state';

/** CI1: the people a case is about, who do not act on what follows from it. */
function excludedOf(state: CaseState): string[] {
  const ids = [...state.involved.map((p) => p.personId), ...state.heardPeople];
  return [...new Set(ids)].filter((id) => excludedFromCase(id, state.involved, state.heardPeople));
}

export interface LoadedCase {
  readonly kind: CaseKind;
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
}

/**
 * Which stream an incident id names (decisions.md #21): a pupil-incident or a staff-misconduct stream — which
 * one, the store tells (a case is one of the two, never both). The write side's commands, the case view and the
 * audit export all find a case here.
 */
export class CaseStreams {
  constructor(private readonly store: EventStore) {}

  /** The case's stream and events, or null when no case has this id. */
  async load(incidentId: string): Promise<LoadedCase | null> {
    for (const kind of CASE_KINDS) {
      const streamId = streamIds.case(kind, incidentId);
      const events = await this.store.readStream(streamId);
      if (events.length) return { kind, streamId, events };
    }
    return null;
  }

  /** The case's latest revision and the global position of its last event (after appends made on its behalf). */
  async head(incidentId: string): Promise<{ readonly revision: number; readonly position: number } | null> {
    const loaded = await this.load(incidentId);
    const last = loaded?.events.at(-1);
    return last ? { revision: last.streamRevision, position: last.globalPosition } : null;
  }

  /** The case's report (its first event) and stream, or null: what the people of a case and its kind need. */
  async reported(incidentId: string): Promise<{ readonly kind: CaseKind; readonly streamId: string; readonly report: RecordedEvent } | null> {
    for (const kind of CASE_KINDS) {
      const streamId = streamIds.case(kind, incidentId);
      const [report] = await this.store.readStream(streamId, { maxCount: 1 });
      if (report) return { kind, streamId, report };
    }
    return null;
  }

  /** The people of a case (as reported): whose data a read of it shows. Empty for an unknown id. */
  async subjects(incidentId: string): Promise<string[]> {
    const found = await this.reported(incidentId);
    const involved = (found?.report.data as { involved?: readonly { personId: string }[] } | undefined)?.involved ?? [];
    return involved.map((person) => person.personId);
  }

  /** What a criminal-report decision needs of its source case (P4, B3), folded as the case stands now. */
  async sourceCase(incidentId: string): Promise<SourceCase | null> {
    const loaded = await this.load(incidentId);
    if (!loaded) return null;
    if (loaded.kind === 'pupil-incident') {
      const state = loaded.events.reduce((s, e) => evolvePupilIncident(s, e as unknown as PupilIncidentEvent), initialPupilIncidentState);
      return {
        incidentId,
        kind: loaded.kind,
        schoolId: state.schoolId,
        category: state.category,
        closed: state.closed,
        statutoryConclusion: null,
        excluded: excludedOf(state),
      };
    }
    const state = loaded.events.reduce((s, e) => evolveStaffMisconduct(s, e as unknown as StaffMisconductEvent), initialStaffMisconductState);
    return {
      incidentId,
      kind: loaded.kind,
      schoolId: state.schoolId,
      category: state.category,
      closed: state.closed,
      statutoryConclusion: state.statutoryConclusion,
      excluded: excludedOf(state),
    };
  }
}
