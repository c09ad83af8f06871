import type { Principal } from '@casebook/access';
import { streamIds } from '@casebook/event-store';
import { type Role, directoryPersonStateOf, localIsoDateOf } from '@casebook/incidents';
import type { Runtime } from '@casebook/runtime';

/**
 * rule DIR4: who a signed-in person is, and in which roles at which schools, comes from the directory — not from what
 * the identity provider or a cookie says. A staff member who left (their `leftOn` has come) no longer acts; pupils and
 * parents do not sign in.
 */
export async function principalFromDirectory(
  runtime: Runtime,
  personId: string,
  today = localIsoDateOf(new Date(), runtime.writeSide.settings.policy.workingDays.timeZone),
): Promise<Principal | null> {
  const state = directoryPersonStateOf(await runtime.eventStore.readStream(streamIds.directoryPerson(personId)));
  const record = state.record;
  if (!record || record.kind !== 'staff' || !record.roles.length) return null;
  if (state.leftOn && state.leftOn <= today) return null;
  const name = await runtime.reveal.reveal(record.name);
  return {
    id: record.personId,
    name,
    roles: [...new Set(record.roles.map((role) => role.role))] as Role[],
    schools: [...new Set(record.roles.flatMap((role) => (role.schoolId ? [role.schoolId] : [])))],
  };
}
