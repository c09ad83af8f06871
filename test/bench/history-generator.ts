import { randomUUID } from 'node:crypto';
import { type EventStore, type NewEvent, newEventId } from '@casebook/event-store';

/**
 * A realistic history for the read models: schools, pupils and staff, with the shapes real cases take under
 * the protocol (report → scope → evidence → correspondence → measure → parents informed → closed; phones taken
 * one to three times a year and returned; e-mail warnings; staff cases qualified and called in; the odd
 * criminal-report decision; dossier reads). Written straight to the store, stream by stream, in parallel.
 */
export interface HistoryShape {
  readonly schools: number;
  readonly pupils: number;
  readonly staff: number;
  /** Stop once about this many events are written. */
  readonly events: number;
  readonly writers?: number;
}

export interface WrittenHistory {
  readonly events: number;
  readonly incidentIds: readonly string[];
  readonly pupilIds: readonly string[];
}

type Draft = { readonly type: string; readonly data: Record<string, unknown>; readonly actor: string; readonly role: string; readonly occurredAt?: string };

const day = 86_400_000;

export async function generateHistory(store: EventStore, shape: HistoryShape): Promise<WrittenHistory> {
  // mulberry32: a small seeded generator with a full period (the same history on every run).
  let state = 42;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const school = (n: number) => `school-${(n % shape.schools) + 1}`;
  const pupilIds = Array.from({ length: shape.pupils }, (_, i) => `pupil-${i + 1}`);
  const staffIds = Array.from({ length: shape.staff }, (_, i) => `staff-${i + 1}`);
  const schoolOfPupil = (id: string) => school(Number(id.split('-')[1]));
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * day).toISOString();

  const streams: { streamId: string; schoolId: string; drafts: Draft[] }[] = [];
  const incidentIds: string[] = [];
  const conductStreams = new Set<string>();
  let planned = 0;
  while (planned < shape.events) {
    const roll = next();
    if (roll < 0.45) {
      const incidentId = randomUUID();
      incidentIds.push(incidentId);
      const victim = pick(pupilIds);
      const perpetrator = pick(pupilIds);
      const schoolId = schoolOfPupil(victim);
      const measureId = randomUUID();
      const drafts: Draft[] = [
        {
          type: 'IncidentReported',
          actor: pick(staffIds),
          role: 'teacher',
          occurredAt: at(30),
          data: {
            incidentId,
            kind: 'pupil-incident',
            schoolId,
            category: pick(['cyberbullying', 'phone-violation', 'offensive-content', 'personal-data-shared']),
            occurredAt: at(30),
            summary: 'Messages in the class group chat',
            involved: [
              { personId: victim, personKind: 'pupil', role: 'victim' },
              ...(perpetrator !== victim ? [{ personId: perpetrator, personKind: 'pupil', role: 'perpetrator' }] : []),
            ],
            reportedBy: 'teacher',
          },
        },
        { type: 'ScopeAssessed', actor: 'director', role: 'director', data: { inScope: true, rationale: 'School chat', assessedBy: 'director' } },
        {
          type: 'EvidenceAdded',
          actor: 'director',
          role: 'director',
          data: { evidenceId: randomUUID(), description: 'Screenshot', sha256: 'a'.repeat(64), mediaType: 'image/png', capturedAt: null, addedBy: 'director' },
        },
        {
          type: 'CorrespondenceRecorded',
          actor: 'director',
          role: 'director',
          data: {
            correspondenceId: randomUUID(),
            direction: 'outgoing',
            counterpart: 'parent',
            channel: 'letter',
            occurredAt: at(29),
            summary: 'Letter to the parents',
            documentSha256: null,
            filedIn: { file: 'pupil-file', personIds: [victim, perpetrator] },
            recordedBy: 'director',
          },
        },
        {
          type: 'MeasureImposed',
          actor: 'director',
          role: 'director',
          data: {
            measureId,
            subjectId: perpetrator,
            measure: 'warning',
            reason: 'Messages',
            startsOn: null,
            endsOn: null,
            imposedBy: 'director',
            obligations: [{ obligationId: randomUUID(), kind: 'inform-parents', regarding: measureId, dueAt: at(27) }],
          },
        },
      ];
      if (next() < 0.8)
        drafts.push({
          type: 'ParentsInformed',
          actor: 'director',
          role: 'director',
          data: {
            regarding: measureId,
            closesObligationId: (drafts[4]!.data['obligations'] as { obligationId: string }[])[0]!.obligationId,
            channel: 'phone',
            informedAt: at(28),
            informedBy: 'director',
          },
        });
      if (next() < 0.7)
        drafts.push({ type: 'IncidentClosed', actor: 'director', role: 'director', data: { outcome: 'Handled', rationale: null, closedBy: 'director' } });
      streams.push({ streamId: `pupil-incident-${incidentId}`, schoolId, drafts });
      planned += drafts.length;
    } else if (roll < 0.8 && conductStreams.size < pupilIds.length) {
      // One conduct stream per pupil (`pupil-conduct-<pupilId>`), as the domain has it.
      let pupilId = pick(pupilIds);
      while (conductStreams.has(pupilId)) pupilId = pick(pupilIds);
      conductStreams.add(pupilId);
      const schoolId = schoolOfPupil(pupilId);
      const drafts: Draft[] = [];
      const offences = 1 + Math.floor(next() * 3);
      for (let offence = 1; offence <= offences; offence++) {
        const custodyId = randomUUID();
        const obligations = [
          { obligationId: randomUUID(), kind: 'device-return', regarding: custodyId, dueAt: at(20 - offence) },
          ...(offence >= 2 ? [{ obligationId: randomUUID(), kind: 'inform-parents', regarding: custodyId, dueAt: at(19 - offence) }] : []),
        ];
        drafts.push({
          type: 'DeviceTakenIntoCustody',
          actor: 'director',
          role: 'director',
          data: {
            custodyId,
            pupilId,
            schoolId,
            incidentId: null,
            device: 'phone',
            conditionChecked: { damage: 'none', working: true },
            pupilPresent: true,
            switchedOff: true,
            schoolYear: 2026,
            offenceNumber: offence,
            takenAt: at(20 - offence),
            custodyUntil: at(20 - offence),
            obligations,
          },
        });
        drafts.push({
          type: 'DeviceReturned',
          actor: 'director',
          role: 'director',
          data: { custodyId, returnedTo: 'pupil', returnedAt: at(20 - offence), closesObligationId: obligations[0]!.obligationId },
        });
      }
      if (next() < 0.3) {
        const actionId = randomUUID();
        drafts.push({
          type: 'EmailUseWarned',
          actor: 'director',
          role: 'director',
          data: {
            actionId,
            pupilId,
            schoolId,
            reason: 'Chain mail',
            obligations: [{ obligationId: randomUUID(), kind: 'inform-parents', regarding: actionId, dueAt: at(5) }],
          },
        });
      }
      streams.push({ streamId: `pupil-conduct-${pupilId}`, schoolId, drafts });
      planned += drafts.length;
    } else if (roll < 0.9) {
      const incidentId = randomUUID();
      incidentIds.push(incidentId);
      const staffId = pick(staffIds);
      const schoolId = school(Number(staffId.split('-')[1]));
      const itemId = randomUUID();
      const drafts: Draft[] = [
        {
          type: 'IncidentReported',
          actor: 'director',
          role: 'director',
          occurredAt: at(40),
          data: {
            incidentId,
            kind: 'staff-misconduct',
            schoolId,
            category: 'private-contact-with-pupil',
            occurredAt: at(40),
            summary: 'Befriended pupils',
            involved: [{ personId: staffId, personKind: 'staff', role: 'perpetrator' }],
            reportedBy: 'director',
          },
        },
        {
          type: 'StaffConductQualified',
          actor: 'board',
          role: 'board',
          data: { qualification: 'boundary-crossing', rationale: 'Private messages', qualifiedBy: 'board' },
        },
        {
          type: 'InspectorNotificationQueued',
          actor: 'board',
          role: 'board',
          data: { basis: 'policy', obligation: { obligationId: itemId, kind: 'inspector-call-policy', regarding: incidentId, dueAt: at(38) } },
        },
        {
          type: 'ManagerConsulted',
          actor: 'director',
          role: 'director',
          data: { consultationId: randomUUID(), consultedAt: at(39), summary: 'Asked', recordedBy: 'director' },
        },
        {
          type: 'CorrespondenceRecorded',
          actor: 'hr',
          role: 'hr',
          data: {
            correspondenceId: randomUUID(),
            direction: 'outgoing',
            counterpart: 'staff',
            channel: 'letter',
            occurredAt: at(37),
            summary: 'Invitation',
            documentSha256: null,
            filedIn: { file: 'personnel-file', personIds: [staffId] },
            recordedBy: 'hr',
          },
        },
      ];
      if (next() < 0.8)
        drafts.push({
          type: 'InspectorCalled',
          actor: 'board',
          role: 'board',
          data: { calledAt: at(37), inspectorReference: 'VI-1', summary: 'Discussed', conclusion: null, calledBy: 'board', closesObligationIds: [itemId] },
        });
      drafts.push({
        type: 'DisciplinaryMeasureImposed',
        actor: 'board',
        role: 'board',
        data: {
          measureId: randomUUID(),
          subjectId: staffId,
          measure: 'reprimand',
          reason: 'Protocol',
          startsOn: null,
          endsOn: null,
          communicatedAt: null,
          imposedBy: 'board',
        },
      });
      streams.push({ streamId: `staff-misconduct-${incidentId}`, schoolId, drafts });
      planned += drafts.length;
    } else if (roll < 0.93 && incidentIds.length) {
      const decisionId = randomUUID();
      const sourceIncidentId = pick(incidentIds);
      const obligationId = randomUUID();
      streams.push({
        streamId: `criminal-report-${decisionId}`,
        schoolId: school(0),
        drafts: [
          {
            type: 'CriminalReportDecisionOpened',
            actor: 'board',
            role: 'board',
            data: {
              decisionId,
              sourceIncidentId,
              sourceKind: 'pupil-incident',
              schoolId: school(0),
              suspectedOffence: 'Threat',
              statutory: false,
              openedBy: 'board',
            },
          },
          {
            type: 'CriminalReportDecided',
            actor: 'board',
            role: 'board',
            data: {
              decision: 'report',
              rationale: 'A threat',
              decidedBy: 'board',
              obligations: [{ obligationId, kind: 'police-report', regarding: sourceIncidentId, dueAt: at(3) }],
            },
          },
          {
            type: 'PoliceReportFiled',
            actor: 'board',
            role: 'board',
            data: { filedAt: at(2), policeStation: 'Utrecht', policeReference: 'PL-1', recordedBy: 'board', closesObligationId: obligationId },
          },
        ],
      });
      planned += 3;
    } else {
      const pupilId = pick(pupilIds);
      streams.push({
        streamId: `access-log-${randomUUID()}`,
        schoolId: schoolOfPupil(pupilId),
        drafts: [
          {
            type: 'DossierRead',
            actor: 'director',
            role: 'director',
            data: { actorId: 'director', actorRoles: ['director'], resource: 'pupil-file', resourceId: pupilId, subjectIds: [pupilId], outcome: 'granted' },
          },
        ],
      });
      planned += 1;
    }
  }

  let cursor = 0;
  const writer = async () => {
    for (let i = cursor++; i < streams.length; i = cursor++) {
      const { streamId, schoolId, drafts } = streams[i]!;
      const events: NewEvent[] = drafts.map((draft) => ({
        eventId: newEventId(),
        type: draft.type,
        schemaVersion: 1,
        data: draft.data,
        metadata: {
          actorId: draft.actor,
          actorRole: draft.role,
          schoolId,
          correlationId: 'generated',
          causationId: null,
          occurredAt: draft.occurredAt ?? new Date().toISOString(),
        },
      }));
      await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
    }
  };
  await Promise.all(Array.from({ length: shape.writers ?? 8 }, writer));
  return { events: planned, incidentIds, pupilIds };
}
