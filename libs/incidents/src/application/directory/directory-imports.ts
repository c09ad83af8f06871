import { type EventStore, type RecordedEvent, WrongExpectedRevisionError, newEventId, streamIds } from '@casebook/event-store';
import {
  type DirectorySchoolState,
  decideDirectoryPerson,
  decideDirectorySchool,
  directoryPersonStateOf,
  evolveDirectorySchool,
  initialDirectorySchoolState,
} from '../../domain/directory/directory.decider';
import type { DirectoryPersonEvent, DirectorySchoolEvent } from '../../domain/directory/directory.events';
import { isRuleViolation } from '../../domain/shared/rule-violation';
import type { SealedTexts } from '../sealed-texts';
import type { Issued } from '../write-side-core';
import { type DirectoryFileKind, type PersonRow, type RowError, type RowErrors, type SchoolRow, parsePeopleCsv, parseSchoolsCsv } from './directory-csv';

export type ImportOutcome =
  | {
      readonly outcome: 'imported';
      readonly kind: DirectoryFileKind;
      readonly created: number;
      readonly changed: number;
      readonly left: number;
      readonly unchanged: number;
      readonly erased: number;
      /** The highest store position the import wrote (for `waitForPosition`); null when nothing changed. */
      readonly position: number | null;
    }
  /** `errors`: the first ROW_ERRORS_KEPT problems found, by line; `errorCount`: all of them. */
  | { readonly outcome: 'invalid'; readonly errors: readonly RowError[]; readonly errorCount: number }
  /** Some people changed in the directory while the file was imported (another import at once): run it again. */
  | { readonly outcome: 'conflict'; readonly rows: number }
  | { readonly outcome: 'forbidden' };

type Planned = { readonly streamId: string; readonly revision: number; readonly events: readonly (DirectoryPersonEvent | DirectorySchoolEvent)[] };

/** Rows decided at once, so a file of 50,000 pupils does not wait on one stream at a time. */
const PARALLEL = 16;

async function inPool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
    }),
  );
  return results;
}

/**
 * DIR1, DIR2: one file of the administration's export imported as events. Everything is checked before anything is
 * written — every row's format, references to schools and pupils the directory must know, and each row against the
 * person's stream (a person is one kind) — so a file with a bad row changes nothing and answers every bad row. Then
 * each row's events are appended at the revision it was decided on; a re-run records only what changed.
 */
export class DirectoryImports {
  constructor(
    private readonly store: EventStore,
    private readonly texts: SealedTexts,
  ) {}

  async import(kind: DirectoryFileKind, text: string, issued: Issued): Promise<ImportOutcome> {
    if (issued.context.actor.role !== 'board') return { outcome: 'forbidden' };
    const planned = kind === 'schools' ? await this.planSchools(await parseSchoolsCsv(text)) : await this.planPeople(await parsePeopleCsv(kind, text));
    if ('errors' in planned) {
      const errors = [...planned.errors.kept].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
      return { outcome: 'invalid', errors, errorCount: planned.errors.count };
    }
    const appended = await inPool(planned.plans, (plan) => this.append(plan, issued));
    const stale = appended.filter((position) => position === false).length;
    if (stale) return { outcome: 'conflict', rows: stale };
    const count = (type: string) => planned.plans.reduce((n, plan) => n + plan.events.filter((event) => event.type === type).length, 0);
    return {
      outcome: 'imported',
      kind,
      created: count('PersonRegistered') + count('SchoolRegistered'),
      changed: count('PersonChanged') + count('SchoolChanged'),
      left: count('PersonLeft'),
      unchanged: planned.plans.filter((plan) => plan.events.length === 0).length - planned.erased,
      erased: planned.erased,
      position: appended.reduce<number | null>((highest, position) => (typeof position === 'number' && position > (highest ?? -1) ? position : highest), null),
    };
  }

  private async planSchools(parsed: { rows: SchoolRow[]; errors: RowErrors }): Promise<{ plans: Planned[]; erased: number } | { errors: RowErrors }> {
    if (parsed.errors.count) return { errors: parsed.errors };
    const plans = await inPool(parsed.rows, async (row) => {
      const streamId = streamIds.directorySchool(row.record.schoolId);
      const history = await this.store.readStream(streamId);
      const state = history.reduce((s: DirectorySchoolState, e) => evolveDirectorySchool(s, e as unknown as DirectorySchoolEvent), initialDirectorySchoolState);
      return { streamId, revision: history.length - 1, events: decideDirectorySchool(row.record, state) as DirectorySchoolEvent[] };
    });
    return { plans, erased: 0 };
  }

  private async planPeople(parsed: { rows: PersonRow[]; errors: RowErrors }): Promise<{ plans: Planned[]; erased: number } | { errors: RowErrors }> {
    const errors = parsed.errors;
    await this.unknownReferences(parsed.rows, errors);
    let erased = 0;
    const plans = await inPool(parsed.rows, async (row): Promise<Planned> => {
      const streamId = streamIds.directoryPerson(row.record.personId);
      const history = await this.store.readStream(streamId);
      // The texts as they are now, opened: the export is compared with what it said before, not with ciphertext.
      const state = await this.texts.open(directoryPersonStateOf(history));
      if (state.record?.name === this.texts.erasedText) {
        // Erased (their period ended, or on request): an export that still lists them does not bring their data back.
        erased++;
        return { streamId, revision: history.length - 1, events: [] };
      }
      const decided = decideDirectoryPerson(row, state);
      if (isRuleViolation(decided)) {
        errors.push({ line: row.line, field: 'personId', message: decided.message });
        return { streamId, revision: history.length - 1, events: [] };
      }
      return { streamId, revision: history.length - 1, events: decided };
    });
    return errors.count ? { errors } : { plans, erased };
  }

  /** Schools the rows name must be in the directory (staff roles, pupils); pupils a parent has authority over too. */
  private async unknownReferences(rows: readonly PersonRow[], errors: RowErrors): Promise<void> {
    const known = new Map<string, Promise<boolean>>();
    const exists = (streamId: string, kind?: string) => {
      let found = known.get(streamId);
      if (!found) {
        found = this.store
          .readStream(streamId, { fromRevision: 0 })
          .then((events: RecordedEvent[]) => events.length > 0 && (kind === undefined || (events[0]!.data as { kind?: string }).kind === kind));
        known.set(streamId, found);
      }
      return found;
    };
    await inPool(rows, async (row) => {
      const { record } = row;
      for (const schoolId of new Set([record.schoolId, ...record.roles.map((role) => role.schoolId)].filter((id): id is string => id !== null))) {
        if (!(await exists(streamIds.directorySchool(schoolId))))
          errors.push({
            line: row.line,
            field: record.kind === 'pupil' ? 'schoolId' : 'roles',
            message: `school ${schoolId} is not in the directory: import the schools file first`,
          });
      }
      for (const pupilId of record.authorityOver) {
        if (!(await exists(streamIds.directoryPerson(pupilId), 'pupil')))
          errors.push({ line: row.line, field: 'authorityOver', message: `pupil ${pupilId} is not in the directory: import the pupils file first` });
      }
    });
  }

  /** Appends one row's events at the revision they were decided on: its position, null for no events, false when the stream moved meanwhile. */
  private async append(plan: Planned, issued: Issued): Promise<number | null | false> {
    if (!plan.events.length) return null;
    const { actor, now } = issued.context;
    try {
      const result = await this.store.appendToStream(
        plan.streamId,
        plan.events.map((event) => ({
          eventId: newEventId(),
          type: event.type,
          schemaVersion: 1,
          data: event.data,
          metadata: {
            actorId: actor.id,
            actorRole: actor.role,
            schoolId: (event.data as { schoolId?: string | null }).schoolId ?? null,
            correlationId: issued.meta.correlationId,
            causationId: issued.meta.causationId,
            occurredAt: now,
          },
        })),
        { expectedRevision: plan.revision < 0 ? 'no-stream' : plan.revision },
      );
      return result.position;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
