import { ROLES } from '@casebook/access';
import type { Role } from '@casebook/incidents';
import { ACCESS_POLICY, type AccessRule, type Condition, PUBLIC_ROUTES } from './access-policy';

const CONDITION_TEXT: Record<Condition, string> = {
  any: 'yes',
  'own-school': 'own school',
  'own-school-pupil-case': 'own school, pupil cases',
  'staff-case': 'staff cases',
  'own-report': 'own school, own reports',
  'own-schools-only': "yes, own schools' items only",
  'readable-cases-only': 'yes, the cases it may read only',
  self: 'own record only',
  'own-school-staff': "own school's staff (by the directory)",
};

/** docs/authorization.md, from the table alone (a test compares the file with this). */
export function renderAuthorizationDoc(): string {
  const rows = Object.entries(ACCESS_POLICY).map(([operation, rule]: [string, AccessRule]) => {
    const cells = ROLES.map((role: Role) => {
      const condition = rule.who[role];
      return condition ? CONDITION_TEXT[condition] : '403';
    });
    const notes = [rule.dossier ? 'every read is logged in the access log with whose data it was, refusals too' : '', rule.note ?? '']
      .filter(Boolean)
      .join('; ');
    return `| \`${rule.method} ${rule.path}\` | ${operation} | ${cells.join(' | ')} | ${notes} |`;
  });
  return [
    '# Authorization',
    '',
    'Generated from `apps/api/src/auth/access-policy.ts` by `npm run docs:authorization`; a test fails when this file',
    'and the table differ. The same table is what the API enforces: the bearer guard refuses a caller who holds none',
    "of an endpoint's roles (and any route without a row: fail closed); controllers take the acting role and check the",
    "resource-dependent conditions from it; the deciders then apply the protocol's own rules (P3, S9, B2, …).",
    '`test/e2e/authorization-matrix.e2e-spec.ts` calls every endpoint as every role with an own-school, other-school and',
    'no school claim, and expects exactly the status this table gives.',
    '',
    "How to read a cell: **yes** any school; **own school** the resource belongs to a school in the token's `schools`",
    "claim (the body's `schoolId` for new things; the case's school otherwise); **pupil cases** / **staff cases** only",
    'that kind of case; **own reports** cases the caller reported; **403** refused. A director or teacher token without a',
    '`schools` claim is refused as a whole (401, api.md Auth). The board, HR and legal act for every school; a',
    '`schools` claim on their token changes nothing. A caller with several roles acts in the first role of the row that',
    'allows the request (board before director: the wider mandate).',
    '',
    `| endpoint | row | ${ROLES.join(' | ')} | notes |`,
    `|---|---|${ROLES.map(() => '---').join('|')}|---|`,
    ...rows,
    '',
    'Without a token: ' + PUBLIC_ROUTES.map((route) => `\`${route.method} ${route.path}\``).join(', ') + '. `/metrics` is served on its own',
    "port (`METRICS_PORT`), for the operator's network only.",
    '',
    '## Known gaps',
    '',
    "- None in this table. (The last one — any director could record any pupil's departure — closed with DIR3: the",
    "  pupil's school comes from the directory, or the body names it.)",
    '',
  ].join('\n');
}
