import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@casebook/access';
import { type IncidentView, type InvolvedPerson, excludedFromCase, readsAsReporter } from '@casebook/incidents';

/**
 * rule CI1 on the read side: a person involved in a case (perpetrator, victim, witness, or heard) does not read it,
 * its timeline or its export, whatever their roles — unless they reported it themselves and are not its perpetrator.
 * Throws 403 naming CI1; the dossier-read interceptor logs it as a refused read.
 */
export function refuseInvolvedReader(principal: Principal, view: Pick<IncidentView, 'involved' | 'hearings' | 'reportedBy'>): void {
  const involved = view.involved as readonly InvolvedPerson[];
  const heard = (view.hearings as readonly { heardPersonId: string }[]).map((hearing) => hearing.heardPersonId);
  if (excludedFromCase(principal.id, involved, heard) && !readsAsReporter(principal.id, view.reportedBy, involved)) {
    throw new ForbiddenException({ detail: 'CI1: you are involved in this case, and do not read it', rule: 'CI1' });
  }
}

/** The case ids a file's entries name (every list of the view; an entry without a case names none). */
export function caseIdsIn(file: object): Set<string> {
  const ids = new Set<string>();
  for (const value of Object.values(file))
    if (Array.isArray(value))
      for (const entry of value as unknown[]) {
        const id = (entry as { incidentId?: unknown } | null)?.incidentId;
        if (typeof id === 'string') ids.add(id);
      }
  return ids;
}

/**
 * rule CI1 through a file (#32): an HR officer who was the perpetrator of a staff case was refused the case but read
 * its qualification and correspondence in their own personnel file. A personnel file or pupil file that holds a case
 * the caller is involved in (or was heard in) is refused whole — 403 naming CI1, which the dossier-read interceptor
 * logs as a refused read: someone else reads that file.
 */
export async function refuseFileWithCaseOfReader(
  principal: Principal,
  file: object,
  viewOf: (incidentId: string) => Promise<Pick<IncidentView, 'involved' | 'hearings' | 'reportedBy'> | null>,
): Promise<void> {
  for (const incidentId of caseIdsIn(file)) {
    const view = await viewOf(incidentId);
    if (!view) continue;
    try {
      refuseInvolvedReader(principal, view);
    } catch {
      throw new ForbiddenException({ detail: 'CI1: this file holds a case you are involved in, and you do not read it', rule: 'CI1' });
    }
  }
}
