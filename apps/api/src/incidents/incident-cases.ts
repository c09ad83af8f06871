import { HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { RecordedEvent } from '@casebook/event-store';
import {
  type CaseCommand,
  type CaseKind,
  type CommandMeta,
  type CommandResult,
  DEFAULT_POLICY,
  type PupilIncidentCommand,
  type PupilIncidentEvent,
  type SourceCase,
  type StaffMisconductCommand,
  type StaffMisconductEvent,
  evolvePupilIncident,
  evolveStaffMisconduct,
  incidentStream,
  initialPupilIncidentState,
  initialStaffMisconductState,
  pupilIncidentHandler,
  staffMisconductHandler,
} from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CaseSnapshots, SNAPSHOT_EVERY } from './case-snapshots';
import { type IncidentView, incidentView } from './incident-view';

/** Commands every case takes, once it is reported. */
export type SharedCaseCommand = Exclude<CaseCommand, { type: 'ReportIncident' }>;
type PupilOnlyCommand = Exclude<PupilIncidentCommand, CaseCommand>;
type StaffOnlyCommand = Exclude<StaffMisconductCommand, CaseCommand | { type: 'ReportStaffMisconduct' }>;

export interface LoadedCase {
  readonly kind: CaseKind;
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
}

/**
 * An incident id names a pupil-incident or a staff-misconduct stream; which one, the store tells (a case is
 * one of the two, never both). Unknown ids are 404; a command for the other kind of case is 409.
 */
@Injectable()
export class IncidentCases {
  private readonly snapshots: CaseSnapshots;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    this.snapshots = new CaseSnapshots(runtime.sql);
  }

  /**
   * The case as `GET /incidents/{id}` shows it: the latest snapshot and the events after it (decisions.md #44),
   * or null when no case has this id. A read that had to fold many events leaves a newer snapshot behind.
   */
  async view(incidentId: string): Promise<IncidentView | null> {
    for (const kind of ['pupil-incident', 'staff-misconduct'] as const) {
      const streamId = incidentStream(kind, incidentId);
      const snapshot = await this.snapshots.latest(streamId);
      const events = await this.runtime.eventStore.readStream(streamId, snapshot ? { fromRevision: snapshot.revision + 1 } : {});
      if (!snapshot && !events.length) continue;
      const view = incidentView(kind, events, snapshot?.view);
      if (events.length >= SNAPSHOT_EVERY) {
        // After the answer is made: a failed snapshot costs the next reader a longer fold, nothing else.
        this.snapshots.save(streamId, view).catch((error: unknown) =>
          this.runtime.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'case snapshot not saved'),
        );
      }
      return view;
    }
    return null;
  }

  /** The case's stream and events, or null when no case has this id. */
  async load(incidentId: string): Promise<LoadedCase | null> {
    for (const kind of ['pupil-incident', 'staff-misconduct'] as const) {
      const streamId = incidentStream(kind, incidentId);
      const events = await this.runtime.eventStore.readStream(streamId);
      if (events.length) return { kind, streamId, events };
    }
    return null;
  }

  /** The case, or 404. Commands hand its events to the handler, so the stream is read once per command. */
  async loadOrThrow(incidentId: string): Promise<LoadedCase> {
    const loaded = await this.load(incidentId);
    if (!loaded) throw new NotFoundException({ detail: `No incident ${incidentId}`, rule: 'CASE' });
    return loaded;
  }

  async kindOf(incidentId: string): Promise<CaseKind> {
    return (await this.loadOrThrow(incidentId)).kind;
  }

  /** What a criminal-report decision needs of its source case (P4, B3), as the case stands now. */
  async sourceCase(incidentId: string): Promise<SourceCase> {
    const loaded = await this.load(incidentId);
    if (!loaded) throw new NotFoundException({ detail: `No incident ${incidentId}`, rule: 'CASE' });
    if (loaded.kind === 'pupil-incident') {
      const state = loaded.events.reduce((s, e) => evolvePupilIncident(s, e as unknown as PupilIncidentEvent), initialPupilIncidentState);
      return { incidentId, kind: loaded.kind, schoolId: state.schoolId, category: state.category, closed: state.closed, statutoryConclusion: null };
    }
    const state = loaded.events.reduce((s, e) => evolveStaffMisconduct(s, e as unknown as StaffMisconductEvent), initialStaffMisconductState);
    return { incidentId, kind: loaded.kind, schoolId: state.schoolId, category: state.category, closed: state.closed, statutoryConclusion: state.statutoryConclusion };
  }

  async runShared(incidentId: string, command: SharedCaseCommand, meta: CommandMeta): Promise<CommandResult<unknown>> {
    const loaded = await this.loadOrThrow(incidentId);
    return loaded.kind === 'pupil-incident' ? this.pupil(incidentId, command, meta, loaded.events) : this.staff(incidentId, command, meta, loaded.events);
  }

  async runPupilOnly(incidentId: string, command: PupilOnlyCommand, what: string, meta: CommandMeta): Promise<CommandResult<unknown>> {
    const loaded = await this.loadOrThrow(incidentId);
    requireKind(loaded.kind, 'pupil-incident', incidentId, what);
    return this.pupil(incidentId, command, meta, loaded.events);
  }

  async runStaffOnly(incidentId: string, command: StaffOnlyCommand, what: string, meta: CommandMeta): Promise<CommandResult<unknown>> {
    const loaded = await this.loadOrThrow(incidentId);
    requireKind(loaded.kind, 'staff-misconduct', incidentId, what);
    return this.staff(incidentId, command, meta, loaded.events);
  }

  pupil(incidentId: string, command: PupilIncidentCommand, meta: CommandMeta, loaded?: readonly RecordedEvent[]): Promise<CommandResult<unknown>> {
    return pupilIncidentHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(incidentStream('pupil-incident', incidentId), command, meta, loaded);
  }

  staff(incidentId: string, command: StaffMisconductCommand, meta: CommandMeta, loaded?: readonly RecordedEvent[]): Promise<CommandResult<unknown>> {
    return staffMisconductHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(incidentStream('staff-misconduct', incidentId), command, meta, loaded);
  }
}

function requireKind(actual: CaseKind, wanted: CaseKind, incidentId: string, what: string): void {
  if (actual !== wanted) {
    throw new HttpException({ detail: `CASE: incident ${incidentId} is a ${actual} case; ${what} belong to ${wanted} cases`, rule: 'CASE' }, 409);
  }
}
