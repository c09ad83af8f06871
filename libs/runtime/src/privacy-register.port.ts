import type { PrivacyRegister } from '@casebook/incidents';
import { type ReadModelCatalog, findCasesOf, findHeldCasesOf, findRetentionCandidates } from '@casebook/projections';

/** The write side's view of the privacy register: the live version of the read model. */
export function privacyRegisterOf(catalog: ReadModelCatalog): PrivacyRegister {
  const live = async () => catalog.dataSource('privacy-register', await catalog.liveVersion('privacy-register'));
  return {
    casesOf: async (personId) => findCasesOf(await live(), personId),
    heldCasesOf: async (personId) => findHeldCasesOf(await live(), personId),
    retentionCandidates: async () => findRetentionCandidates(await live()),
  };
}
