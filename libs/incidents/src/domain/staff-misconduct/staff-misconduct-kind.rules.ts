import type { CaseKindRules } from '../case/case-kind.rules';
import { worksAtSchool } from '../case/involved-person';

/** Categories of staff misconduct (domain spec, Incident streams 2: S1–S7, B3). */
export const STAFF_MISCONDUCT_CATEGORIES = [
  'private-contact-with-pupil',
  'confidential-information-published',
  'recording-published-without-consent',
  'affiliation-not-disclosed',
  'views-contrary-to-mission',
  'decency-violated',
  'reputation-damaged',
  'sexual-offence-against-pupil',
  'other',
] as const;

export const STAFF_MISCONDUCT_RULES: CaseKindRules = {
  kind: 'staff-misconduct',
  categories: STAFF_MISCONDUCT_CATEGORIES,
  // rule SC1, B3: a staff member or volunteer acting against the protocol (#32: volunteers too).
  involvementProblem: (involved) =>
    involved.some((p) => worksAtSchool(p.personKind) && p.role === 'perpetrator')
      ? undefined
      : 'A staff misconduct case involves a staff member or volunteer as perpetrator',
  // Every decision about staff is the board's (role table).
  mayDecideCase: (actor) => actor.role === 'board',
  mayRecordCorrespondence: (actor) => actor.role === 'director' || actor.role === 'board' || actor.role === 'hr',
  // rule F1: all correspondence about a staff case is kept in that staff member's personnel file.
  correspondenceFile: (state, concerning) =>
    concerning
      ? "Correspondence in a staff case is kept in the staff member's personnel file: concerningPupilIds is for pupil cases"
      : { file: 'personnel-file', personIds: state.involved.filter((p) => worksAtSchool(p.personKind) && p.role === 'perpetrator').map((p) => p.personId) },
};
