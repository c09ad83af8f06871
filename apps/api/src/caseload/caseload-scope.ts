import type { Principal } from '@casebook/access';
import type { CaseloadScope } from '@casebook/projections';
import { ACCESS_POLICY, type Condition } from '../auth/access-policy';

/**
 * The cases a caller may list (`listIncidents`: the cases it may read): the authorization table's readIncident row
 * as a filter — each role held adds what its condition there allows.
 */
export function caseloadScopeOf(principal: Principal): CaseloadScope {
  const who: Partial<Record<string, Condition>> = ACCESS_POLICY.readIncident.who;
  const conditions = principal.roles.flatMap((role) => (who[role] ? [who[role]] : []));
  return {
    viewerId: principal.id,
    all: conditions.includes('any'),
    schools: conditions.includes('own-school') ? principal.schools : [],
    staffCases: conditions.includes('staff-case'),
    ownReportsAt: conditions.includes('own-report') ? principal.schools : [],
  };
}
