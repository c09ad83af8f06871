import type { Role } from '@casebook/incidents';

export const ROLES: readonly Role[] = ['teacher', 'director', 'board', 'hr', 'legal'];

/** Who is calling, from a verified token (api.md, Auth): `sub`, `name`, `roles`, `schools`. */
export interface Principal {
  readonly id: string;
  readonly name: string | null;
  readonly roles: readonly Role[];
  /** Required for directors and teachers; the board, HR and legal act for every school. */
  readonly schools: readonly string[];
}

/** A token that is missing, malformed, unsigned, wrongly signed, expired or not yet valid: 401. */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}
