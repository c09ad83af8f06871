import type { InvolvedPerson } from './involved-person';

/** The roles that exclude a person from a case (CI1): not `reporter`. */
const EXCLUDING_ROLES: ReadonlySet<InvolvedPerson['role']> = new Set(['perpetrator', 'victim', 'witness']);

/**
 * rule CI1: the people a case is about — its perpetrators, victims and witnesses, and everyone heard in it — neither
 * read it nor act on it, whatever their roles (a director who is the subject of a staff case; a board member who
 * witnessed it). Pure: callers pass what they folded (a case's state, a case view).
 */
export function excludedFromCase(actorId: string, involved: readonly InvolvedPerson[], heard: readonly string[]): boolean {
  return involved.some((person) => person.personId === actorId && EXCLUDING_ROLES.has(person.role)) || heard.includes(actorId);
}

/**
 * rule CI1: what an excluded person may still read — a report they made themselves, unless they are its perpetrator.
 * Acting on the case stays refused.
 */
export function readsAsReporter(actorId: string, reportedBy: string, involved: readonly InvolvedPerson[]): boolean {
  return reportedBy === actorId && !involved.some((person) => person.personId === actorId && person.role === 'perpetrator');
}
