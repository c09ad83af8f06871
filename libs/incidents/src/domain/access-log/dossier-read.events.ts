/** What was read: a pupil file, a personnel file, a case (state or timeline), an audit export, the access log, the caseload (a list of cases). */
export type AccessedResource = 'pupil-file' | 'personnel-file' | 'incident' | 'incident-timeline' | 'audit-export' | 'access-log' | 'caseload' | 'directory';

export type AccessOutcome = 'granted' | 'refused' | 'not-found';

/**
 * One read of a dossier (domain spec, "access log"): who, in which roles, what, whose data, and whether it was
 * shown. Appended before the answer leaves, on a stream of its own (`access-log-<eventId>`), never edited.
 */
export interface DossierRead {
  readonly type: 'DossierRead';
  readonly data: {
    readonly actorId: string;
    readonly actorRoles: readonly string[];
    readonly resource: AccessedResource;
    readonly resourceId: string;
    /** Whose data it is (the pupil, the staff member, the people involved in a case). */
    readonly subjectIds: readonly string[];
    readonly outcome: AccessOutcome;
    /** A list of cases (`GET /incidents`): which cases it showed (issue #17: who listed which cases). */
    readonly caseIds?: readonly string[];
  };
}
