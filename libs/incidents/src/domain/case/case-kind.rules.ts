import type { Actor } from '../shared/actor';
import type { CaseKind } from './case.events';
import type { CaseState } from './case.state';
import type { InvolvedPerson } from './involved-person';

/** What differs between the kinds of case for the commands they share. */
export interface CaseKindRules {
  readonly kind: CaseKind;
  readonly categories: readonly string[];
  /** SC1: who must be involved for a case of this kind; the problem, or undefined when fine. */
  readonly involvementProblem: (involved: readonly InvolvedPerson[]) => string | undefined;
  /** SC2 and the role table: who assesses scope and closes or reopens a case of this kind. */
  readonly mayDecideCase: (actor: Actor) => boolean;
  /** F1/F2 and the role table: who records correspondence. */
  readonly mayRecordCorrespondence: (actor: Actor) => boolean;
  /** F1/F2: whose file keeps the correspondence (`concerning`: the pupils the caller names); a string says what is wrong. */
  readonly correspondenceFile: (
    state: CaseState,
    concerning?: readonly string[],
  ) => { readonly file: 'pupil-file' | 'personnel-file'; readonly personIds: readonly string[] } | string;
}
