import type { Principal } from '@casebook/access';
import { streamIds } from '@casebook/event-store';
import { type PersonRecordEvent, type Role, directoryPersonStateOf, evolvePersonRecord, initialPersonRecordState, localIsoDateOf } from '@casebook/incidents';
import type { Runtime } from '@casebook/runtime';

/**
 * rule DIR4: who a signed-in person is, and in which roles at which schools, comes from the directory — not from what
 * the identity provider or a cookie says. A staff member who left (their `leftOn` has come, in the directory or in the
 * privacy register) no longer acts; pupils and parents do not sign in.
 */
export async function principalFromDirectory(
  runtime: Runtime,
  personId: string,
  today = localIsoDateOf(new Date(), runtime.writeSide.settings.policy.workingDays.timeZone),
): Promise<Principal | null> {
  const [directory, register] = await Promise.all([
    runtime.eventStore.readStream(streamIds.directoryPerson(personId)),
    runtime.eventStore.readStream(streamIds.personRecord(personId)),
  ]);
  const state = directoryPersonStateOf(directory);
  const record = state.record;
  if (!record || record.kind !== 'staff' || !record.roles.length) return null;
  if (state.leftOn && state.leftOn <= today) return null;
  // An employment ended by hand (POST /people/{id}/departure, HR or the board) ends it too, before the directory's
  // next export says so (#31: such a person still signed in and used their tokens).
  const departed = register.reduce((record, event) => evolvePersonRecord(record, event as unknown as PersonRecordEvent), initialPersonRecordState).departed;
  if (departed?.personKind === 'staff' && departed.leftOn <= today) return null;
  const name = await runtime.reveal.reveal(record.name);
  return {
    id: record.personId,
    name,
    roles: [...new Set(record.roles.map((role) => role.role))] as Role[],
    schools: [...new Set(record.roles.flatMap((role) => (role.schoolId ? [role.schoolId] : [])))],
  };
}
