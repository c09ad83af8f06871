import type { CaseView } from '../api/types';
import type { CommandSpec, Option } from '../components/command-form';
import type { Translate } from '../i18n/i18n';
import { words } from '../i18n/i18n';

/** The codes the API takes (api.md; the OpenAPI document lists them too); their words are `option.<field>.<code>`. */
export const CODES = {
  pupilMeasures: ['warning', 'ict-ban', 'behaviour-contract', 'suspension', 'removal'],
  parentMeasures: ['warning', 'school-access-ban'],
  staffMeasures: ['warning', 'reprimand', 'suspension', 'suspension-pending-investigation', 'summary-dismissal', 'dismissal'],
  channels: ['letter', 'e-mail', 'phone', 'meeting'],
  directions: ['incoming', 'outgoing'],
  counterparts: ['parent', 'pupil', 'staff', 'police', 'inspector', 'other'],
  heardAs: ['class-teacher', 'parent', 'staff-member'],
  qualifications: ['dereliction-of-duty', 'boundary-crossing'],
  conclusions: ['reasonable-suspicion', 'no-reasonable-suspicion'],
  intended: ['reprimand', 'suspension', 'summary-dismissal'],
  routes: ['uwv', 'cantonal-court', 'settlement'],
  dismissalOutcomes: ['granted', 'refused', 'settled', 'withdrawn'],
  placementOutcomes: ['admitted', 'search-ended'],
  objectionDecisions: ['upheld', 'rejected'],
  criminalDecisions: ['report', 'do-not-report'],
  noticeTo: ['parents', 'accused'],
  personKinds: ['pupil', 'staff', 'volunteer', 'parent', 'external'],
  involvement: ['victim', 'perpetrator', 'witness', 'reporter'],
} as const;

export const PUPIL_CATEGORIES = [
  'cyberbullying',
  'personal-data-shared',
  'unauthorised-recording',
  'offensive-content',
  'email-misuse',
  'phone-violation',
  'unauthorised-download-or-print',
  'unauthorised-login',
  'sexual-offence-against-pupil',
  'other',
];
export const STAFF_CATEGORIES = [
  'private-contact-with-pupil',
  'confidential-information-published',
  'recording-published-without-consent',
  'affiliation-not-disclosed',
  'views-contrary-to-mission',
  'decency-violated',
  'reputation-damaged',
  'sexual-offence-against-pupil',
  'other',
];

export interface CaseContext {
  readonly view: CaseView;
  readonly roles: readonly string[];
  readonly t: Translate;
  /** Staff of the case's school, for the owner picker (the directory; empty when the caller may not list them). */
  readonly staff: readonly Option[];
}

/** A group of the case page's commands: what they are for, and the forms. */
export interface CommandGroup {
  readonly title:
    | 'case.group.assess'
    | 'case.group.record'
    | 'case.group.measures'
    | 'case.group.decide'
    | 'case.group.correct'
    | 'case.group.police'
    | 'case.group.finish'
    | 'case.group.legal';
  readonly commands: readonly CommandSpec[];
}

/**
 * The commands the caller's roles allow on this case (docs/authorization.md, the api's access policy): a director
 * its own school's pupil cases (and evidence, correspondence, notifications and consultations of a staff case), the
 * board every case, HR a staff case's correspondence, legal the legal hold, a teacher evidence for a case it reported.
 * What the rules then refuse (P3, S9, CLOSE1…) the API answers with the rule, shown at the form.
 */
export function caseCommands({ view, roles, t, staff }: CaseContext): CommandGroup[] {
  const board = roles.includes('board');
  const director = roles.includes('director');
  const pupilCase = view.kind === 'pupil-incident';
  const decides = board || (director && pupilCase);
  const base = `/incidents/${view.id}`;
  const open = view.status === 'open';
  const people: Option[] = view.involved.map((person) => ({
    value: person.personId,
    label: `${person.displayName ?? person.personId} (${words(t, 'person', person.personKind)})`,
  }));
  const pupils = people.filter((_, i) => view.involved[i]!.personKind === 'pupil');
  const staffInvolved = people.filter((_, i) => view.involved[i]!.personKind === 'staff');
  const measures: Option[] = (view.measures ?? []).map((m) => ({
    value: m.measureId,
    label: `${words(t, 'option.measure', m.measure)} — ${people.find((p) => p.value === m.subjectId)?.label ?? m.subjectId}`,
  }));
  // P2, E2, E3, M2: an open "inform parents" names what it is about (a measure, a custody, an account action).
  const toInform: Option[] = view.obligations
    .filter((o) => o.status === 'open' && o.kind === 'inform-parents' && o.regarding)
    .map((o) => ({ value: o.regarding!, label: measures.find((m) => m.value === o.regarding)?.label ?? words(t, 'work', o.kind) }));
  const groups: CommandGroup[] = [];
  const group = (title: CommandGroup['title'], commands: (CommandSpec | false)[]) => {
    const allowed = commands.filter((command): command is CommandSpec => command !== false);
    if (allowed.length) groups.push({ title, commands: allowed });
  };
  const mayRecord = board || director || (roles.includes('hr') && !pupilCase);
  const reporter = roles.includes('teacher') && view.reportedBy !== undefined;

  if (open) {
    // SC2: the first thing to decide — shown open on the page until it is decided.
    group('case.group.assess', [
      decides &&
        !view.scope && {
          id: 'scope',
          title: 'command.scope',
          path: `${base}/scope-assessment`,
          fields: [
            { name: 'inScope', kind: 'code', codes: ['yes', 'no'] },
            { name: 'rationale', kind: 'textarea' },
          ],
          body: ({ inScope, ...rest }) => ({ ...rest, inScope: inScope === 'yes' }),
        },
    ]);
    group('case.group.record', [
      (board || director || reporter) && {
        id: 'evidence',
        title: 'command.evidence',
        path: `${base}/evidence`,
        fields: [
          { name: 'file', kind: 'digest', optional: true },
          { name: 'description', kind: 'text' },
          { name: 'sha256', kind: 'sha256' },
          { name: 'mediaType', kind: 'text' },
          { name: 'capturedAt', kind: 'moment', optional: true },
        ],
      },
      mayRecord && {
        id: 'correspondence',
        title: 'command.correspondence',
        path: `${base}/correspondence`,
        fields: [
          { name: 'direction', kind: 'code', codes: CODES.directions },
          { name: 'counterpart', kind: 'code', codes: CODES.counterparts },
          { name: 'channel', kind: 'code', codes: CODES.channels },
          { name: 'occurredAt', kind: 'moment' },
          { name: 'summary', kind: 'textarea' },
          ...(pupils.length ? [{ name: 'concerningPupilId', kind: 'pick' as const, options: pupils, optional: true }] : []),
        ],
        body: ({ concerningPupilId, ...rest }) => ({ ...rest, ...(concerningPupilId ? { concerningPupilIds: [concerningPupilId] } : {}) }),
      },
      (board || director) && {
        id: 'consultation',
        title: 'command.managerConsultation',
        path: `${base}/manager-consultations`,
        fields: [
          { name: 'consultedAt', kind: 'moment' },
          { name: 'summary', kind: 'textarea' },
        ],
      },
      decides && {
        id: 'hearing',
        title: 'command.hearing',
        path: `${base}/hearings`,
        fields: [
          { name: 'heardPersonId', kind: 'pick', options: [...people, ...staff.filter((s) => !people.some((p) => p.value === s.value))] },
          { name: 'heardAs', kind: 'code', codes: CODES.heardAs, optional: true },
          { name: 'heardAt', kind: 'moment' },
          { name: 'summary', kind: 'textarea' },
        ],
        body: (values) => ({ ...values, ...(people.some((p) => p.value === values.heardPersonId) ? {} : { heardPersonKind: 'staff' }) }),
      },
    ]);
    group('case.group.measures', [
      decides &&
        people.length > 0 && {
          id: 'measure',
          title: 'command.measure',
          path: `${base}/measures`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: people },
            { name: 'measure', kind: 'code', codes: pupilCase ? [...CODES.pupilMeasures, 'school-access-ban'] : CODES.staffMeasures },
            { name: 'reason', kind: 'textarea' },
            { name: 'startsOn', kind: 'day', optional: true },
            { name: 'endsOn', kind: 'day', optional: true },
            ...(pupilCase ? [] : [{ name: 'communicatedAt', kind: 'moment' as const, optional: true }]),
          ],
        },
      (board || director) &&
        toInform.length > 0 && {
          id: 'notification',
          title: 'command.parentNotification',
          path: `${base}/parent-notifications`,
          fields: [
            { name: 'regarding', kind: 'pick', options: toInform },
            { name: 'channel', kind: 'code', codes: CODES.channels },
            { name: 'informedAt', kind: 'moment' },
          ],
        },
      decides &&
        pupilCase && {
          id: 'inspectorate',
          title: 'command.inspectorateReport',
          path: `${base}/inspectorate-reports`,
          fields: [
            { name: 'reportedAt', kind: 'moment' },
            { name: 'reference', kind: 'text' },
            ...(measures.length ? [{ name: 'regarding', kind: 'pick' as const, options: measures, optional: true }] : []),
          ],
        },
      board &&
        pupilCase &&
        pupils.length > 0 && {
          id: 'removal-intention',
          title: 'command.removalIntention',
          path: `${base}/removal-intentions`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: pupils },
            { name: 'reason', kind: 'textarea' },
          ],
        },
      board &&
        pupilCase &&
        pupils.length > 0 && {
          id: 'placement',
          title: 'command.placement',
          path: `${base}/placements`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: pupils },
            { name: 'outcome', kind: 'code', codes: CODES.placementOutcomes },
            { name: 'admittingSchool', kind: 'text', optional: true },
            { name: 'decidedAt', kind: 'moment' },
          ],
        },
      board &&
        pupilCase &&
        pupils.length > 0 && {
          id: 'objection',
          title: 'command.objection',
          path: `${base}/objections`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: pupils },
            { name: 'receivedAt', kind: 'moment' },
            { name: 'summary', kind: 'textarea' },
          ],
        },
      ...(board ? (view.removal?.objections ?? []) : [])
        .filter((objection) => objection.objectionId && !objection.decision)
        .map((objection): CommandSpec => ({
          id: `objection-decision-${objection.objectionId}`,
          title: 'command.objectionDecision',
          path: `${base}/objections/${objection.objectionId}/decision`,
          fields: [
            { name: 'decision', kind: 'code', codes: CODES.objectionDecisions },
            { name: 'rationale', kind: 'textarea' },
          ],
        })),
    ]);
    group('case.group.decide', [
      board &&
        !pupilCase && {
          id: 'qualification',
          title: 'command.qualification',
          path: `${base}/qualifications`,
          fields: [
            { name: 'qualification', kind: 'code', codes: CODES.qualifications },
            { name: 'rationale', kind: 'textarea' },
          ],
        },
      board && {
        id: 'inspector-call',
        title: 'command.inspectorCall',
        path: `${base}/inspector-call`,
        fields: [
          { name: 'calledAt', kind: 'moment' },
          { name: 'inspectorReference', kind: 'text' },
          { name: 'summary', kind: 'textarea' },
          { name: 'conclusion', kind: 'code', codes: CODES.conclusions, optional: true },
        ],
      },
      board &&
        !pupilCase &&
        staffInvolved.length > 0 && {
          id: 'disciplinary-intention',
          title: 'command.disciplinaryIntention',
          path: `${base}/disciplinary-intentions`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: staffInvolved },
            { name: 'measure', kind: 'code', codes: CODES.intended },
            { name: 'announcedAt', kind: 'moment' },
          ],
        },
      board &&
        !pupilCase &&
        staffInvolved.length > 0 && {
          id: 'dismissal',
          title: 'command.dismissalProcedure',
          path: `${base}/dismissal-procedure`,
          fields: [
            { name: 'subjectId', kind: 'pick', options: staffInvolved },
            { name: 'route', kind: 'code', codes: CODES.routes },
            { name: 'startedAt', kind: 'moment' },
          ],
        },
      board &&
        (view.dismissalProcedures ?? []).some((procedure) => !procedure.outcome) && {
          id: 'dismissal-outcome',
          title: 'command.dismissalOutcome',
          path: `${base}/dismissal-procedure/outcome`,
          fields: [
            { name: 'outcome', kind: 'code', codes: CODES.dismissalOutcomes },
            { name: 'decidedAt', kind: 'moment' },
          ],
        },
    ]);
    group('case.group.police', [
      (board || director) && {
        id: 'criminal-report',
        title: 'command.criminalReport',
        path: '/criminal-report-decisions',
        fields: [{ name: 'suspectedOffence', kind: 'text' }],
        body: (values) => ({ ...values, sourceIncidentId: view.id }),
      },
      ...(board ? (view.criminalReportDecisions ?? []) : []).flatMap((decisionId, index): CommandSpec[] => [
        {
          id: `criminal-decision-${decisionId}`,
          title: 'command.criminalDecision',
          path: `/criminal-report-decisions/${decisionId}/decision`,
          fields: [
            { name: 'decision', kind: 'code', codes: CODES.criminalDecisions },
            { name: 'rationale', kind: 'textarea' },
          ],
          confirm: () => t('command.criminalDecision.which', { n: index + 1 }),
        },
        {
          id: `notice-${decisionId}`,
          title: 'command.statutoryNotice',
          path: `/criminal-report-decisions/${decisionId}/notices`,
          fields: [
            { name: 'to', kind: 'code', codes: CODES.noticeTo },
            { name: 'channel', kind: 'code', codes: CODES.channels },
            { name: 'informedAt', kind: 'moment' },
          ],
        },
        {
          id: `police-${decisionId}`,
          title: 'command.policeReport',
          path: `/criminal-report-decisions/${decisionId}/police-report`,
          fields: [
            { name: 'filedAt', kind: 'moment' },
            { name: 'policeStation', kind: 'text' },
            { name: 'policeReference', kind: 'text' },
          ],
        },
      ]),
    ]);
    group('case.group.correct', [
      decides && {
        id: 'reclassification',
        title: 'command.reclassification',
        path: `${base}/reclassification`,
        fields: [
          { name: 'category', kind: 'code', codes: (pupilCase ? PUPIL_CATEGORIES : STAFF_CATEGORIES).filter((c) => c !== view.category) },
          { name: 'rationale', kind: 'textarea' },
        ],
      },
      decides && {
        id: 'involved',
        title: 'command.involved',
        path: `${base}/involved`,
        fields: [
          { name: 'personId', kind: 'text' },
          { name: 'personKind', kind: 'code', codes: CODES.personKinds },
          { name: 'role', kind: 'code', codes: CODES.involvement },
          { name: 'displayName', kind: 'text', optional: true },
        ],
      },
      decides &&
        staff.length > 0 && {
          id: 'assignment',
          title: 'command.assignment',
          path: `${base}/assignment`,
          fields: [{ name: 'ownerId', kind: 'pick', options: staff }],
        },
      decides &&
        measures.length > 0 && {
          id: 'withdrawal',
          title: 'command.withdrawal',
          path: `${base}/withdrawals`,
          fields: [
            { name: 'withdrawnId', kind: 'pick', options: measures },
            { name: 'rationale', kind: 'textarea' },
          ],
        },
    ]);
  }
  group('case.group.finish', [
    decides && !open && { id: 'reopen', title: 'command.reopen', path: `${base}/reopen`, fields: [{ name: 'reason', kind: 'textarea' }] },
  ]);
  group('case.group.legal', [
    (board || roles.includes('legal')) && {
      id: 'hold',
      title: 'command.legalHold',
      path: `${base}/legal-hold`,
      onCaseStream: false,
      fields: [{ name: 'reason', kind: 'textarea' }],
    },
    (board || roles.includes('legal')) && {
      id: 'lift',
      title: 'command.liftLegalHold',
      path: `${base}/legal-hold/lift`,
      onCaseStream: false,
      fields: [{ name: 'reason', kind: 'textarea' }],
    },
  ]);
  return groups;
}

/** Whether the caller may close the case (with waivers for its open obligations, CLOSE1). */
export const mayClose = (view: CaseView, roles: readonly string[]) =>
  view.status === 'open' && (roles.includes('board') || (roles.includes('director') && view.kind === 'pupil-incident'));
