import { type EventStore, newEventId, streamIds } from '@casebook/event-store';
import {
  type Actor,
  type CommandResult,
  DEFAULT_POLICY,
  DEFAULT_SCHOOL_CALENDAR,
  criminalReportHandler,
  legalHoldHandler,
  personRecordHandler,
  pupilConductHandler,
  pupilConsentHandler,
  schoolConsentHandler,
  pupilIncidentHandler,
  schoolDayEnds,
  staffMisconductHandler,
} from '@casebook/incidents';
import { recordAccess } from '@casebook/access';

const teacher: Actor = { id: 'staff-teacher-1', role: 'teacher', schools: ['school-1'] };
const director: Actor = { id: 'staff-dir-1', role: 'director', schools: ['school-1'] };
const board: Actor = { id: 'board-1', role: 'board', schools: [] };
const hr: Actor = { id: 'hr-1', role: 'hr', schools: [] };

/** Fixed ids, so expected rows can name them. */
export const IDS = {
  pupilCase: '00000000-0000-4000-8000-000000000001',
  staffCase: '00000000-0000-4000-8000-000000000002',
  decision: '00000000-0000-4000-8000-000000000003',
  suspension: '00000000-0000-4000-8000-000000000010',
  informParentsOfSuspension: '00000000-0000-4000-8000-000000000011',
  inspectorateReport: '00000000-0000-4000-8000-000000000012',
  custody1: '00000000-0000-4000-8000-000000000020',
  custody2: '00000000-0000-4000-8000-000000000021',
  informParentsOfCustody2: '00000000-0000-4000-8000-000000000022',
  warning: '00000000-0000-4000-8000-000000000030',
  inspectorItem: '00000000-0000-4000-8000-000000000040',
  policeReport: '00000000-0000-4000-8000-000000000050',
} as const;

const meta = { correlationId: 'scripted-history', causationId: null };

function accepted<E>(result: CommandResult<E>): void {
  if (result.outcome !== 'accepted') throw new Error(`scripted history: ${JSON.stringify(result)}`);
}

/**
 * A history that touches every read model through the real handlers and deciders: a pupil incident with a
 * suspension and informed parents, two phones and a return, an e-mail warning, a staff case qualified as
 * boundary-crossing and called in, a criminal-report decision with its police report, and two dossier reads.
 * Moments are relative to the wall clock (the store stamps recordedAt), except the late report (B4).
 */
export async function writeScriptedHistory(store: EventStore): Promise<void> {
  // Each command's moments equal its context's `now`: a moment a millisecond later would lie in the future (B4).
  let clock = new Date().toISOString();
  const tick = () => (clock = new Date().toISOString());
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const pupils = pupilIncidentHandler(store, DEFAULT_POLICY);
  const staff = staffMisconductHandler(store, DEFAULT_POLICY);
  const conduct = pupilConductHandler(store, DEFAULT_POLICY);
  const decisions = criminalReportHandler(store, DEFAULT_POLICY);
  const pupilCase = streamIds.case('pupil-incident', IDS.pupilCase);
  const staffCase = streamIds.case('staff-misconduct', IDS.staffCase);

  const report = {
    type: 'ReportIncident' as const,
    context: { actor: teacher, now: tick() },
    data: {
      incidentId: IDS.pupilCase,
      schoolId: 'school-1',
      category: 'cyberbullying',
      occurredAt: daysAgo(5), // reported five days later: late (B4)
      summary: 'Threatening messages in the class group chat',
      involved: [
        { personId: 'pupil-1', personKind: 'pupil' as const, role: 'victim' as const, displayName: 'Noor' },
        { personId: 'pupil-2', personKind: 'pupil' as const, role: 'perpetrator' as const },
      ],
    },
  };
  accepted(await pupils.handle(pupilCase, report, meta));
  accepted(
    await pupils.handle(pupilCase, { type: 'AssessScope', context: { actor: director, now: tick() }, data: { inScope: true, rationale: 'School chat' } }, meta),
  );
  accepted(
    await pupils.handle(
      pupilCase,
      {
        type: 'RecordCorrespondence',
        context: { actor: director, now: tick() },
        data: {
          correspondenceId: 'letter-1',
          direction: 'outgoing',
          counterpart: 'parent',
          channel: 'letter',
          occurredAt: clock,
          summary: 'Letter to both families',
        },
      },
      meta,
    ),
  );
  accepted(
    await pupils.handle(
      pupilCase,
      {
        type: 'ImposeMeasure',
        context: { actor: director, now: tick() },
        data: {
          measureId: IDS.suspension,
          obligationIds: {
            informParents: IDS.informParentsOfSuspension,
            inspectorateReport: IDS.inspectorateReport,
            removalPlacement: 'unused-1',
            reconsiderationWindow: 'unused-2',
          },
          subjectId: 'pupil-2',
          measure: 'suspension',
          reason: 'Threats',
          // A Monday and a Tuesday: two school days whatever day this runs, so the Inspectorate report is owed (P5).
          startsOn: '2026-11-09',
          endsOn: '2026-11-10',
        },
      },
      meta,
    ),
  );
  accepted(
    await pupils.handle(
      pupilCase,
      {
        type: 'RecordParentsInformedOfMeasure',
        context: { actor: director, now: tick() },
        data: { regarding: IDS.suspension, channel: 'letter', informedAt: clock },
      }, // P5: in writing
      meta,
    ),
  );

  const custody = (custodyId: string, informParentsObligationId: string) => {
    const at = tick();
    const day = schoolDayEnds(at, DEFAULT_SCHOOL_CALENDAR);
    return {
      type: 'TakeDeviceIntoCustody' as const,
      context: { actor: director, now: at },
      data: {
        custodyId,
        informParentsObligationId,
        returnObligationId: `return-${custodyId.slice(-2)}`,
        pupilId: 'pupil-2',
        schoolId: 'school-1',
        device: 'phone',
        conditionChecked: { damage: 'none', working: true },
        pupilPresent: true,
        switchedOff: true,
        takenAt: at,
        endOfSchoolDay: day.current,
        endOfNextSchoolDay: day.next,
      },
    };
  };
  accepted(await conduct.handle(streamIds.pupilConduct('pupil-2'), custody(IDS.custody1, 'unused-3'), meta));
  accepted(await conduct.handle(streamIds.pupilConduct('pupil-2'), custody(IDS.custody2, IDS.informParentsOfCustody2), meta));
  accepted(
    await conduct.handle(
      streamIds.pupilConduct('pupil-2'),
      { type: 'ReturnDevice', context: { actor: director, now: tick() }, data: { custodyId: IDS.custody1, returnedTo: 'pupil', returnedAt: clock } },
      meta,
    ),
  );
  accepted(
    await conduct.handle(
      streamIds.pupilConduct('pupil-1'),
      {
        type: 'WarnAboutEmailUse',
        context: { actor: director, now: tick() },
        // E4: the application would read the register; the script states it (its consents are recorded further on).
        data: {
          actionId: IDS.warning,
          informParentsObligationId: 'inform-warning',
          pupilId: 'pupil-1',
          schoolId: 'school-1',
          reason: 'Chain mail',
          mailboxConsented: true,
        },
      },
      meta,
    ),
  );

  const staffReport = {
    ...report,
    context: { actor: director, now: tick() },
    data: {
      ...report.data,
      incidentId: IDS.staffCase,
      category: 'private-contact-with-pupil',
      occurredAt: clock,
      involved: [
        { personId: 'staff-5', personKind: 'staff' as const, role: 'perpetrator' as const },
        { personId: 'pupil-3', personKind: 'pupil' as const, role: 'victim' as const },
      ],
    },
  };
  accepted(
    await staff.handle(
      staffCase,
      { type: 'ReportStaffMisconduct', context: staffReport.context, report: staffReport, statutoryObligationId: 'unused-4' },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'QualifyConduct',
        context: { actor: board, now: tick() },
        data: { qualification: 'boundary-crossing', rationale: 'Private messages', obligationId: IDS.inspectorItem },
      },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'RecordManagerConsultation',
        context: { actor: director, now: tick() },
        data: { consultationId: 'consult-1', consultedAt: clock, summary: 'Asked first' },
      },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'RecordCorrespondence',
        context: { actor: hr, now: tick() },
        data: { correspondenceId: 'letter-2', direction: 'outgoing', counterpart: 'staff', channel: 'letter', occurredAt: clock, summary: 'Invitation' },
      },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'RecordInspectorCall',
        context: { actor: board, now: tick() },
        data: { calledAt: clock, inspectorReference: 'VI-2026-0415', summary: 'Discussed' },
      },
      meta,
    ),
  );
  // S12: the written intention and the hearing come before a reprimand.
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'AnnounceDisciplinaryIntention',
        context: { actor: board, now: tick() },
        data: { intentionId: 'intention-1', subjectId: 'staff-5', measure: 'reprimand', announcedAt: clock },
      },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'RecordHearing',
        context: { actor: board, now: tick() },
        data: { hearingId: 'hearing-staff-1', heardPersonId: 'staff-5', heardAs: 'staff-member', heardAt: clock, summary: 'Heard' },
      },
      meta,
    ),
  );
  accepted(
    await staff.handle(
      staffCase,
      {
        type: 'ImposeDisciplinaryMeasure',
        context: { actor: board, now: tick() },
        data: { measureId: 'dm-1', subjectId: 'staff-5', measure: 'reprimand', reason: 'Broke the protocol' },
      },
      meta,
    ),
  );

  const source = {
    incidentId: IDS.pupilCase,
    kind: 'pupil-incident' as const,
    schoolId: 'school-1',
    category: 'cyberbullying',
    closed: false,
    statutoryConclusion: null,
  };
  const decision = streamIds.criminalReport(IDS.decision);
  accepted(
    await decisions.handle(
      decision,
      { type: 'OpenCriminalReportDecision', context: { actor: director, now: tick() }, data: { decisionId: IDS.decision, source, suspectedOffence: 'Threat' } },
      meta,
    ),
  );
  accepted(
    await pupils.handle(pupilCase, { type: 'LinkCriminalReportDecision', context: { actor: director, now: tick() }, data: { decisionId: IDS.decision } }, meta),
  );
  accepted(
    await decisions.handle(
      decision,
      {
        type: 'DecideCriminalReport',
        context: { actor: board, now: tick() },
        data: { decision: 'report', rationale: 'A threat', policeReportObligationId: IDS.policeReport, source },
      },
      meta,
    ),
  );
  accepted(
    await decisions.handle(
      decision,
      { type: 'RecordPoliceReport', context: { actor: board, now: tick() }, data: { filedAt: clock, policeStation: 'Utrecht', policeReference: 'PL-1' } },
      meta,
    ),
  );

  // Issue #7: consents (E4, R2), a recording permission (R1), a departure and a legal hold.
  const consents = pupilConsentHandler(store, DEFAULT_POLICY);
  for (const [pupilId, purpose, decision] of [
    ['pupil-1', 'mailbox', 'given'],
    ['pupil-1', 'website-publication', 'given'],
    ['pupil-1', 'website-publication', 'withdrawn'],
    ['pupil-2', 'website-publication', 'refused'],
  ] as const) {
    const data = { pupilId, schoolId: 'school-1', purpose, decision, givenBy: 'parents' as const, documentSha256: null };
    accepted(await consents.handle(streamIds.pupilConsent(pupilId), { type: 'RecordConsent', context: { actor: director, now: tick() }, data }, meta));
  }
  const permission = {
    permissionId: 'permission-1',
    schoolId: 'school-1',
    what: 'Photos of the sports day',
    grantedTo: 'staff-teacher-1',
    validFrom: '2026-06-01',
    validUntil: null,
    documentSha256: 'c'.repeat(64),
  };
  accepted(
    await schoolConsentHandler(store).handle(
      streamIds.schoolConsent('school-1'),
      { type: 'GrantRecordingPermission', context: { actor: director, now: tick() }, data: permission },
      meta,
    ),
  );
  accepted(
    await personRecordHandler(store).handle(
      streamIds.personRecord('pupil-2'),
      {
        type: 'RecordDeparture',
        context: { actor: director, now: tick() },
        data: { personId: 'pupil-2', personKind: 'pupil', leftOn: '2024-07-15', schoolId: 'school-1' },
      },
      meta,
    ),
  );
  accepted(
    await legalHoldHandler(store).handle(
      streamIds.legalHold(IDS.staffCase),
      { type: 'PlaceLegalHold', context: { actor: board, now: tick() }, data: { incidentId: IDS.staffCase, reason: 'Proceedings' } },
      meta,
    ),
  );

  await recordAccess(
    store,
    { actorId: 'staff-dir-1', actorRoles: ['director'], resource: 'pupil-file', resourceId: 'pupil-2', subjectIds: ['pupil-2'], outcome: 'granted' },
    'scripted',
  );
  await recordAccess(
    store,
    { actorId: 'staff-dir-9', actorRoles: ['director'], resource: 'pupil-file', resourceId: 'pupil-2', subjectIds: ['pupil-2'], outcome: 'refused' },
    'scripted',
  );

  // DIR1–DIR2: the directory's import, as the import writes it (a school; a pupil registered, moved up a group, left).
  const directory = (streamId: string, type: string, data: Record<string, unknown>) =>
    store.appendToStream(
      streamId,
      [
        {
          eventId: newEventId(),
          type,
          schemaVersion: 1,
          data,
          metadata: { actorId: board.id, actorRole: board.role, schoolId: null, correlationId: 'scripted-history', causationId: null, occurredAt: tick() },
        },
      ],
      { expectedRevision: 'any' },
    );
  await directory(streamIds.directorySchool('school-1'), 'SchoolRegistered', {
    schoolId: 'school-1',
    brin: '12AB',
    name: 'De Regenboog',
    holidayRegion: 'midden',
    schoolDayEndsAt: '15:00',
  });
  const pupil = {
    personId: 'pupil-2',
    kind: 'pupil',
    name: 'Pupil Two',
    email: null,
    phone: null,
    dateOfBirth: '2015-03-14',
    schoolId: 'school-1',
    group: 'groep 6',
    startedOn: '2019-08-20',
    roles: [],
    authorityOver: [],
  };
  await directory(streamIds.directoryPerson('pupil-2'), 'PersonRegistered', pupil);
  await directory(streamIds.directoryPerson('pupil-2'), 'PersonChanged', { ...pupil, group: 'groep 7', changed: ['group'] });
}
