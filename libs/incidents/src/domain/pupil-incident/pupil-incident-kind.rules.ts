import type { CaseKindRules } from '../case/case-kind.rules';

/** Categories of a pupil incident (domain spec, Incident streams 1). */
export const PUPIL_INCIDENT_CATEGORIES = [
  'cyberbullying',
  'personal-data-shared',
  'unauthorised-recording',
  'offensive-content',
  'email-misuse',
  'phone-violation',
  'unauthorised-download-or-print',
  'unauthorised-login',
  'other',
] as const;

export const PUPIL_INCIDENT_RULES: CaseKindRules = {
  kind: 'pupil-incident',
  categories: PUPIL_INCIDENT_CATEGORIES,
  // rule SC1: pupil misconduct and pupil abuse: a pupil (or parent) as perpetrator and/or a pupil as victim.
  involvementProblem: (involved) =>
    involved.some((p) => p.personKind === 'pupil' && (p.role === 'victim' || p.role === 'perpetrator')) ||
    involved.some((p) => p.personKind === 'parent' && p.role === 'perpetrator')
      ? undefined
      : 'A pupil incident involves a pupil as victim or perpetrator, or a parent as perpetrator',
  mayDecideCase: (actor) => actor.role === 'director' || actor.role === 'board',
  mayRecordCorrespondence: (actor) => actor.role === 'director' || actor.role === 'board',
  // rule F2: kept in the pupil file of every pupil involved.
  correspondenceFile: (state) => ({
    file: 'pupil-file',
    personIds: state.involved.filter((p) => p.personKind === 'pupil').map((p) => p.personId),
  }),
};
