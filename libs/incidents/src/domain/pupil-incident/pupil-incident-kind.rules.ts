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
  // rule F2 (revision 2): kept in the file of the pupil(s) it concerns — the ones named, each involved in the case;
  // by default the case's perpetrators, or its victims where no pupil is a perpetrator. Never in every involved
  // pupil's file: a parent's access request must not show another child's measures.
  correspondenceFile: (state, concerning) => {
    const pupils = state.involved.filter((p) => p.personKind === 'pupil');
    if (concerning) {
      if (concerning.length === 0) return 'concerningPupilIds names at least one pupil';
      const unknown = concerning.filter((id) => !pupils.some((p) => p.personId === id));
      if (unknown.length) return `Correspondence concerns pupils involved in this case; not: ${unknown.join(', ')}`;
      return { file: 'pupil-file', personIds: [...new Set(concerning)] };
    }
    const perpetrators = pupils.filter((p) => p.role === 'perpetrator');
    const filed = perpetrators.length ? perpetrators : pupils.filter((p) => p.role === 'victim');
    return { file: 'pupil-file', personIds: filed.map((p) => p.personId) };
  },
};
