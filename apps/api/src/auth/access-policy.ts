import type { Principal } from '@casebook/access';
import type { AccessedResource, Role } from '@casebook/incidents';

/**
 * The authorization table: for every endpoint, which roles may call it and on what condition. One table, used
 * three ways: the bearer guard admits a request only when the caller holds one of an endpoint's roles (and
 * refuses routes that have no entry: fail closed); controllers pick the acting role and check the
 * resource-dependent conditions with `rolesFor` / `permits`; the generated matrix test
 * (test/e2e/authorization-matrix.e2e-spec.ts) derives every expected status from it and `docs/authorization.md`
 * is rendered from it. Domain rules (P3 "only the board removes", S9, B2, …) still refuse inside the deciders;
 * the table states who may come to the door, the deciders what they may do once inside.
 */

/** When a role listed for an endpoint may act on a given resource. */
export type Condition =
  /** any resource: the board, HR and legal act for every school */
  | 'any'
  /** the resource belongs to a school in the token's `schools` claim */
  | 'own-school'
  /** own school, and the case is a pupil incident (api.md: "director (pupil)") */
  | 'own-school-pupil-case'
  /** the case is a staff-misconduct case (api.md: "hr for staff cases") */
  | 'staff-case'
  /** own school, and the caller reported the case (api.md: "reporter") */
  | 'own-report'
  /** always answered, but the answer holds only the caller's own schools (a filter, not a refusal) */
  | 'own-schools-only'
  /** always answered, but the list holds only the cases the caller may read one by one (readIncident's row) */
  | 'readable-cases-only'
  /** the person the path names is the caller (S10: a staff member's own record) */
  | 'self'
  /**
   * a member of staff at a school in the token's `schools` claim, where the directory knows their school (DIR1,
   * #31); one the directory does not know: any. The directory's part is judged by the write side.
   */
  | 'own-school-staff';

/**
 * A dossier read (domain spec, "access log"): every call is logged — granted, refused or not found — with whose data
 * it was, by one interceptor driven by this declaration (apps/api/src/reads/dossier-read.interceptor.ts).
 */
export interface DossierRead {
  readonly resource: AccessedResource;
  /** What the log names as read: a path parameter (a person id or a UUID), or a query's subject or actor. */
  readonly id: { readonly param: string; readonly kind: 'person' | 'uuid' } | { readonly query: 'subject-or-actor' | 'access-log-export' };
  /** Whose data it shows: the person the path names, the people of the case it names, or the query's subjectId. */
  readonly subjects: 'the-person' | 'the-case' | 'query-subject';
}

export interface AccessRule {
  readonly method: 'GET' | 'POST';
  /** the path as api.md writes it */
  readonly path: string;
  /** the roles, in the order an actor holding several acts in (board before director: the wider mandate) */
  readonly who: Readonly<Partial<Record<Role, Condition>>>;
  /** dossier reads and exports: logged in the access log, refusals too (a caller without the roles gets a logged 403) */
  readonly dossier?: DossierRead;
  /** what else the deciders check, for the rendered table */
  readonly note?: string;
}

const rule = (method: AccessRule['method'], path: string, who: AccessRule['who'], extra: Omit<AccessRule, 'method' | 'path' | 'who'> = {}): AccessRule => ({
  method,
  path,
  who,
  ...extra,
});

export const ACCESS_POLICY = {
  // Commands (api.md, Commands)
  reportIncident: rule('POST', '/incidents', { board: 'any', director: 'own-school', teacher: 'own-school' }, { note: "the school is the body's schoolId" }),
  assessScope: rule('POST', '/incidents/{id}/scope-assessment', { board: 'any', director: 'own-school-pupil-case' }),
  addEvidence: rule('POST', '/incidents/{id}/evidence', { board: 'any', director: 'own-school', teacher: 'own-report' }),
  recordCorrespondence: rule('POST', '/incidents/{id}/correspondence', { board: 'any', director: 'own-school', hr: 'staff-case' }),
  takeMeasure: rule(
    'POST',
    '/incidents/{id}/measures',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'P3: only the board removes a pupil; S9: only the board takes disciplinary measures' },
  ),
  notifyParents: rule('POST', '/incidents/{id}/parent-notifications', { board: 'any', director: 'own-school' }),
  qualifyConduct: rule('POST', '/incidents/{id}/qualifications', { board: 'any' }),
  recordInspectorCall: rule('POST', '/incidents/{id}/inspector-call', { board: 'any' }),
  recordManagerConsultation: rule('POST', '/incidents/{id}/manager-consultations', { board: 'any', director: 'own-school' }),
  recordHearing: rule(
    'POST',
    '/incidents/{id}/hearings',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'S12: in a staff case the board hears the staff member' },
  ),
  reclassifyIncident: rule(
    'POST',
    '/incidents/{id}/reclassification',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'COR1, B3 (api.md revision 2)' },
  ),
  addInvolvedPerson: rule('POST', '/incidents/{id}/involved', { board: 'any', director: 'own-school-pupil-case' }, { note: 'COR1 (api.md revision 2)' }),
  assignCase: rule(
    'POST',
    '/incidents/{id}/assignment',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'caseload (api.md revision 2); the owner is never someone involved (CI1)' },
  ),
  withdrawMeasure: rule(
    'POST',
    '/incidents/{id}/withdrawals',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'COR1: a director for the pupil measures it may impose' },
  ),
  recordRemovalIntention: rule('POST', '/incidents/{id}/removal-intentions', { board: 'any' }, { note: 'P6 (api.md revision 2)' }),
  recordPlacement: rule('POST', '/incidents/{id}/placements', { board: 'any' }, { note: 'P6 (api.md revision 2)' }),
  recordObjection: rule('POST', '/incidents/{id}/objections', { board: 'any' }, { note: 'P6 (api.md revision 2)' }),
  decideObjection: rule('POST', '/incidents/{id}/objections/{objectionId}/decision', { board: 'any' }, { note: 'P6 (api.md revision 2)' }),
  recordStaffManagerConsultation: rule(
    'POST',
    '/staff/{staffId}/manager-consultations',
    { board: 'any', director: 'own-school-staff', teacher: 'self', hr: 'self' },
    { note: 'S10 (api.md revision 2): the staff member, a director of their school (DIR1) or the board; without a case' },
  ),
  announceDisciplinaryIntention: rule('POST', '/incidents/{id}/disciplinary-intentions', { board: 'any' }, { note: 'S12 (api.md revision 2)' }),
  startDismissalProcedure: rule('POST', '/incidents/{id}/dismissal-procedure', { board: 'any' }, { note: 'S13 (api.md revision 2)' }),
  recordDismissalOutcome: rule('POST', '/incidents/{id}/dismissal-procedure/outcome', { board: 'any' }, { note: 'S13 (api.md revision 2)' }),
  recordInspectorateReport: rule(
    'POST',
    '/incidents/{id}/inspectorate-reports',
    { board: 'any', director: 'own-school-pupil-case' },
    { note: 'P5: closes the report obligation of a suspension (api.md revision 2)' },
  ),
  closeIncident: rule('POST', '/incidents/{id}/close', { board: 'any', director: 'own-school-pupil-case' }),
  reopenIncident: rule('POST', '/incidents/{id}/reopen', { board: 'any', director: 'own-school-pupil-case' }),
  openCriminalReportDecision: rule(
    'POST',
    '/criminal-report-decisions',
    { board: 'any', director: 'own-school' },
    { note: "the school is the source case's (P4)" },
  ),
  decideCriminalReport: rule('POST', '/criminal-report-decisions/{id}/decision', { board: 'any' }, { note: 'B2' }),
  recordPoliceReport: rule('POST', '/criminal-report-decisions/{id}/police-report', { board: 'any' }, { note: 'B2' }),
  recordStatutoryNotice: rule('POST', '/criminal-report-decisions/{id}/notices', { board: 'any' }, { note: 'B3 (revision 2): before the police report' }),
  takeDeviceIntoCustody: rule(
    'POST',
    '/pupils/{pupilId}/device-custody',
    { board: 'any', director: 'own-school', teacher: 'own-school' },
    { note: "the school is the body's schoolId; a teacher too (TC1)" },
  ),
  previewDeviceCustody: rule(
    'GET',
    '/pupils/{pupilId}/device-custody/preview',
    { board: 'any', director: 'own-school', teacher: 'own-school' },
    {
      note: "what taking a device would decide (offence number, until when), shown before confirming (console, issue #19); records nothing; the school is the query's schoolId",
    },
  ),
  returnDevice: rule('POST', '/device-custody/{custodyId}/return', { board: 'any', director: 'own-school' }),
  suspendEmailAccount: rule(
    'POST',
    '/pupils/{pupilId}/email-account/suspensions',
    { board: 'any', director: 'own-school' },
    { note: "the school is the body's schoolId" },
  ),
  warnAboutEmail: rule(
    'POST',
    '/pupils/{pupilId}/email-account/warnings',
    { board: 'any', director: 'own-school' },
    { note: "the school is the body's schoolId" },
  ),
  // Consent registers (issue #7: E4, R1, R2)
  recordConsent: rule('POST', '/pupils/{pupilId}/consents', { board: 'any', director: 'own-school' }, { note: "the school is the body's schoolId" }),
  grantRecordingPermission: rule(
    'POST',
    '/schools/{schoolId}/recording-permissions',
    { director: 'own-school' },
    { note: 'R1: the director of the school only' },
  ),
  readPupilConsents: rule('GET', '/pupils/{pupilId}/consents', { board: 'any', legal: 'any', director: 'own-school' }),
  readNonConsenting: rule('GET', '/schools/{schoolId}/website-publication/non-consenting', { board: 'any', legal: 'any', director: 'own-school' }),
  readRecordingPermissions: rule('GET', '/schools/{schoolId}/recording-permissions', { board: 'any', legal: 'any', director: 'own-school' }),
  // Privacy (issue #7)
  erasePerson: rule('POST', '/people/{personId}/erasure', { board: 'any', legal: 'any' }, { note: 'HOLD: refused while a case is under a legal hold' }),
  recordPupilDeparture: rule(
    'POST',
    '/people/{personId}/departure',
    { board: 'any', director: 'own-school' },
    {
      note: "personKind pupil; DIR3: a director only for its own school — the directory's, or the body's schoolId where the directory does not know the pupil (409 DIR3 without one, 403 for another school)",
    },
  ),
  recordStaffDeparture: rule('POST', '/people/{personId}/departure', { board: 'any', hr: 'any' }, { note: 'personKind staff' }),
  placeLegalHold: rule('POST', '/incidents/{id}/legal-hold', { board: 'any', legal: 'any' }),
  liftLegalHold: rule('POST', '/incidents/{id}/legal-hold/lift', { board: 'any', legal: 'any' }),
  readRetention: rule('GET', '/privacy/retention', { board: 'any', legal: 'any' }),
  // Reads (api.md, Reads)
  readIncident: rule(
    'GET',
    '/incidents/{id}',
    { board: 'any', legal: 'any', director: 'own-school', hr: 'staff-case', teacher: 'own-report' },
    { dossier: { resource: 'incident', id: { param: 'id', kind: 'uuid' }, subjects: 'the-case' }, note: 'api.md: "involved roles"' },
  ),
  readTimeline: rule(
    'GET',
    '/incidents/{id}/timeline',
    { board: 'any', legal: 'any', director: 'own-school', hr: 'staff-case' },
    { dossier: { resource: 'incident-timeline', id: { param: 'id', kind: 'uuid' }, subjects: 'the-case' } },
  ),
  readPupilFile: rule(
    'GET',
    '/pupils/{pupilId}/file',
    { board: 'any', legal: 'any', director: 'own-school' },
    { dossier: { resource: 'pupil-file', id: { param: 'pupilId', kind: 'person' }, subjects: 'the-person' } },
  ),
  readPersonnelFile: rule(
    'GET',
    '/staff/{staffId}/personnel-file',
    { board: 'any', legal: 'any', hr: 'any' },
    { dossier: { resource: 'personnel-file', id: { param: 'staffId', kind: 'person' }, subjects: 'the-person' } },
  ),
  readSettings: rule('GET', '/settings', { board: 'any', director: 'any', teacher: 'any', hr: 'any', legal: 'any' }, { note: 'CAL1 (api.md revision 2)' }),
  readInspectorQueue: rule('GET', '/inspector-notifications', { board: 'any', legal: 'any' }),
  readObligations: rule('GET', '/obligations', { board: 'any', director: 'own-schools-only' }),
  // Directory (issue #18, api.md revision 2)
  importDirectory: rule(
    'POST',
    '/directory/imports/{kind}',
    { board: 'any' },
    { note: 'DIR2: a text/csv file of schools, staff, pupils or parents; all or nothing' },
  ),
  readSchools: rule('GET', '/schools', { board: 'any', director: 'any', teacher: 'any', hr: 'any', legal: 'any' }, { note: 'DIR1' }),
  readSchool: rule('GET', '/schools/{schoolId}', { board: 'any', director: 'any', teacher: 'any', hr: 'any', legal: 'any' }, { note: 'DIR1' }),
  readSchoolPupils: rule(
    'GET',
    '/schools/{schoolId}/pupils',
    { board: 'any', director: 'own-school', teacher: 'own-school' },
    { note: "the report form's pupil picker (console, issue #19): id, name and group only; every list logged with the pupils it showed" },
  ),
  readDirectoryPeople: rule(
    'GET',
    '/directory/people',
    { board: 'any', legal: 'any', director: 'own-schools-only', hr: 'any' },
    { note: 'names opened for the caller; HR: staff only; every list logged with the people it showed' },
  ),
  // Caseload and work (issue #17, api.md revision 2)
  listIncidents: rule(
    'GET',
    '/incidents',
    { board: 'readable-cases-only', legal: 'readable-cases-only', director: 'readable-cases-only', hr: 'readable-cases-only', teacher: 'readable-cases-only' },
    {
      note: 'each role lists the cases its readIncident condition lets it read; never a case the caller is involved in (CI1); every list is logged with the cases it showed',
    },
  ),
  readWork: rule(
    'GET',
    '/work',
    { board: 'any', director: 'own-schools-only', hr: 'any', legal: 'any', teacher: 'any' },
    { note: 'what waits for the caller by its roles, and the cases it owns; nothing of a case it is involved in (CI1)' },
  ),
  readStatistics: rule(
    'GET',
    '/statistics',
    { board: 'any', legal: 'any', director: 'own-schools-only' },
    { note: 'counts below 5 as "< 5"; a director names only its own schools (403 otherwise)' },
  ),
  exportCaseAudit: rule(
    'GET',
    '/incidents/{id}/audit-export',
    { board: 'any', legal: 'any' },
    { dossier: { resource: 'audit-export', id: { param: 'id', kind: 'uuid' }, subjects: 'the-case' } },
  ),
  readAccessLog: rule(
    'GET',
    '/access-log',
    { legal: 'any' },
    { dossier: { resource: 'access-log', id: { query: 'subject-or-actor' }, subjects: 'query-subject' } },
  ),
  exportAccessLog: rule(
    'GET',
    '/access-log/audit-export',
    { legal: 'any' },
    { dossier: { resource: 'audit-export', id: { query: 'access-log-export' }, subjects: 'query-subject' } },
  ),
} as const satisfies Record<string, AccessRule>;

export type Operation = keyof typeof ACCESS_POLICY;

/** Routes anyone may call without a token (api.md: health; the OpenAPI document). */
export const PUBLIC_ROUTES: readonly { readonly method: 'GET' | 'POST'; readonly path: string }[] = [
  { method: 'GET', path: '/health/live' },
  { method: 'GET', path: '/health/ready' },
  { method: 'GET', path: '/docs' },
  { method: 'GET', path: '/docs/openapi.json' },
  { method: 'GET', path: '/docs/openapi.yaml' },
  // Sign-in (DIR4): they make or end a session, or say whose it is.
  { method: 'GET', path: '/auth/login' },
  { method: 'GET', path: '/auth/callback' },
  { method: 'POST', path: '/auth/dev-login' },
  { method: 'GET', path: '/auth/me' },
  { method: 'POST', path: '/auth/logout' },
  // Where sign-in lands: says who is signed in (from the session, as /auth/me), or offers the way in.
  { method: 'GET', path: '/' },
];

/** What a condition looks at. Unknown parts (no school, no kind) never satisfy a condition that needs them. */
export interface AccessResource {
  readonly schoolId?: string | null;
  readonly caseKind?: 'pupil-incident' | 'staff-misconduct';
  readonly reportedBy?: string;
  /** The person whose record it is (condition `self`). */
  readonly personId?: string;
}

/** The roles of an operation, in the order an actor holding several acts in. */
export function rolesFor(operation: Operation): Role[] {
  return Object.keys(ACCESS_POLICY[operation].who) as Role[];
}

/** Whether the caller holds any role of the operation (the guard's question, before the resource is known). */
export function admits(operation: Operation, principal: Principal): boolean {
  return rolesFor(operation).some((role) => principal.roles.includes(role));
}

/** Whether one of the caller's roles may act on this resource under the table's condition for it. */
export function permits(operation: Operation, principal: Principal, resource: AccessResource): boolean {
  const who: Partial<Record<Role, Condition>> = ACCESS_POLICY[operation].who;
  return principal.roles.some((role) => {
    const condition = who[role];
    return condition !== undefined && holds(condition, principal, resource);
  });
}

export function holds(condition: Condition, principal: Pick<Principal, 'id' | 'schools'>, resource: AccessResource): boolean {
  const ownSchool = resource.schoolId != null && principal.schools.includes(resource.schoolId);
  switch (condition) {
    case 'any':
    case 'own-schools-only':
    case 'readable-cases-only':
      return true;
    case 'own-school':
      return ownSchool;
    case 'own-school-pupil-case':
      return ownSchool && resource.caseKind === 'pupil-incident';
    case 'staff-case':
      return resource.caseKind === 'staff-misconduct';
    case 'own-report':
      return ownSchool && resource.reportedBy !== undefined && resource.reportedBy === principal.id;
    case 'self':
      return resource.personId !== undefined && resource.personId === principal.id;
    case 'own-school-staff':
      return resource.schoolId == null || ownSchool;
  }
}
