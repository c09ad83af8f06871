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
