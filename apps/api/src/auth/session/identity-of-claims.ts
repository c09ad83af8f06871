import type { DataSource } from 'typeorm';
import type { OidcConfig } from '@casebook/platform';
import { localIsoDateOf } from '@casebook/incidents';
import { findDirectoryPeople } from '@casebook/projections';
import type { Runtime } from '@casebook/runtime';

/** Why a verified identity is not someone who may sign in; the callback answers 403 with it. */
export type NoDirectoryPerson = { readonly refused: string };

/**
 * rule DIR4: the identity provider says who signed in, the directory whether they are staff. The configured claim
 * (OIDC_IDENTITY_CLAIM) is matched with a member of staff's e-mail address (the default: what a board's
 * administration and its Entra ID / Entree accounts share) or with their person id (a provider whose subject is the
 * administration's number). Pupils and parents never sign in, whatever the provider says.
 */
export async function personIdOfClaims(
  runtime: Runtime,
  directory: DataSource,
  config: OidcConfig,
  claims: Readonly<Record<string, unknown>>,
): Promise<string | NoDirectoryPerson> {
  const value = claims[config.identityClaim];
  if (typeof value !== 'string' || !value.trim()) return { refused: `The identity provider did not say who you are (no "${config.identityClaim}" claim)` };
  if (config.identityMatches === 'person-id') return value;
  // An address the provider itself says it has not verified could be anyone's to claim.
  if (config.identityClaim === 'email' && claims['email_verified'] === false) return { refused: 'The identity provider has not verified this e-mail address' };
  const wanted = value.trim().toLowerCase();
  // The addresses are sealed per person: opened here, for staff only (a board's few hundred, at sign-in, not per request).
  const staff = await runtime.reveal.reveal(await findDirectoryPeople(directory, { kinds: ['staff'] }));
  const today = localIsoDateOf(new Date(), runtime.writeSide.settings.policy.workingDays.timeZone);
  const matches = staff.filter((person) => person.email?.trim().toLowerCase() === wanted && (!person.leftOn || person.leftOn > today));
  if (matches.length === 1) return matches[0]!.personId;
  return {
    refused: matches.length
      ? 'This e-mail address belongs to more than one member of staff in the directory: ask the board to correct it'
      : 'This account is not a member of staff in the directory (DIR4): ask the board',
  };
}
