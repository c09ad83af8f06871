import { type Decision, refuse } from '../shared/rule-violation';
import type { DirectoryPersonEvent, DirectoryPersonRecord, DirectorySchoolEvent, DirectorySchoolRecord } from './directory.events';

/** A directory person as its stream now says (its texts opened by the application before it decides). */
export interface DirectoryPersonState {
  readonly record: DirectoryPersonRecord | null;
  readonly leftOn: string | null;
}

export const initialDirectoryPersonState: DirectoryPersonState = { record: null, leftOn: null };

export function evolveDirectoryPerson(state: DirectoryPersonState, event: DirectoryPersonEvent): DirectoryPersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { ...state, record: event.data };
    case 'PersonChanged': {
      const { changed: _changed, ...record } = event.data;
      return { ...state, record };
    }
    case 'PersonLeft':
      return { ...state, leftOn: event.data.leftOn };
  }
}

/** A directory person's stream as it stands (its texts still sealed): the one fold every reader of the directory uses. */
export function directoryPersonStateOf(history: readonly { readonly type: string; readonly data: unknown }[]): DirectoryPersonState {
  return history.reduce((s: DirectoryPersonState, e) => evolveDirectoryPerson(s, e as DirectoryPersonEvent), initialDirectoryPersonState);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from `current`, in the record's order. */
function changedFields<R extends object>(current: R, next: R): (keyof R)[] {
  return (Object.keys(next) as (keyof R)[]).filter((key) => !same(current[key], next[key]));
}

/**
 * rule DIR2: an import row for one person — registered when new, changed when the export says something else,
 * nothing when it says the same (re-runs record only changes); DIR3: a leaving date not yet recorded is recorded
 * (the retention clock starts). A person is one kind: an id known as a staff member is not a pupil in another file.
 */
export function decideDirectoryPerson(
  row: { readonly record: DirectoryPersonRecord; readonly leftOn: string | null },
  state: DirectoryPersonState,
): Decision<DirectoryPersonEvent> {
  const { record, leftOn } = row;
  if (state.record && state.record.kind !== record.kind)
    return refuse('DIR2', `${record.personId} is a ${state.record.kind} in the directory, not a ${record.kind}`);
  const events: DirectoryPersonEvent[] = [];
  if (!state.record) events.push({ type: 'PersonRegistered', data: record });
  else {
    const changed = changedFields(state.record, record);
    if (changed.length) events.push({ type: 'PersonChanged', data: { ...record, changed } });
  }
  if (leftOn && leftOn !== state.leftOn) events.push({ type: 'PersonLeft', data: { personId: record.personId, kind: record.kind, leftOn } });
  return events;
}

export interface DirectorySchoolState {
  readonly record: DirectorySchoolRecord | null;
}

export const initialDirectorySchoolState: DirectorySchoolState = { record: null };

export function evolveDirectorySchool(_state: DirectorySchoolState, event: DirectorySchoolEvent): DirectorySchoolState {
  const { changed: _changed, ...record } = event.data as DirectorySchoolRecord & { changed?: unknown };
  return { record };
}

/** rule DIR2 for a school row: registered, changed, or nothing. */
export function decideDirectorySchool(record: DirectorySchoolRecord, state: DirectorySchoolState): Decision<DirectorySchoolEvent> {
  if (!state.record) return [{ type: 'SchoolRegistered', data: record }];
  const changed = changedFields(state.record, record);
  return changed.length ? [{ type: 'SchoolChanged', data: { ...record, changed } }] : [];
}
