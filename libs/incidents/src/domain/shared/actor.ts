/** Roles of the domain spec's role table (token claim `roles`). */
export type Role = 'teacher' | 'director' | 'board' | 'hr' | 'legal';

/**
 * Who issues a command, in the role they act in. `schools` scopes teachers and directors (claim `schools`);
 * the board, HR and legal act for all schools.
 */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly schools: readonly string[];
}

/** Board, HR and legal act for every school. */
export function actsForAllSchools(actor: Actor): boolean {
  return actor.role === 'board' || actor.role === 'hr' || actor.role === 'legal';
}

/** Whether the actor may act for `schoolId`: board, HR and legal for every school; others for their own. */
export function actsForSchool(actor: Actor, schoolId: string): boolean {
  return actsForAllSchools(actor) || actor.schools.includes(schoolId);
}
