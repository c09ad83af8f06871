/**
 * Integration events: what leaves the system on Kafka, versioned (`<name>.v1`) and separate from the domain
 * events. Ids, categories, school ids, kinds and moments only — never names, summaries, reasons or other free
 * text (domain spec, Privacy). Each contract is a JSON Schema the relay validates every message against
 * before producing, and the tests validate every produced message against.
 */
const ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;
const MOMENT = { type: 'string', format: 'date-time' } as const;
const DAY = { type: 'string', format: 'date' } as const;
const KIND = { type: 'string', pattern: '^[a-z][a-z-]{0,63}$' } as const;

/** Every message: which event it comes from (the dedupe key), which contract, where and when. */
const ENVELOPE = {
  eventId: UUID,
  type: { type: 'string' },
  schemaVersion: { const: 1 },
  schoolId: { anyOf: [ID, { type: 'null' }] },
  occurredAt: MOMENT,
  recordedAt: MOMENT,
} as const;

function contract(name: string, properties: Record<string, unknown>, required: readonly string[]) {
  const type = `${name}.v1`;
  return {
    name,
    type,
    schema: {
      $id: `https://casebook.example/contracts/${type}.json`,
      type: 'object',
      additionalProperties: false,
      properties: { ...ENVELOPE, type: { const: type }, ...properties },
      required: ['eventId', 'type', 'schemaVersion', 'schoolId', 'occurredAt', 'recordedAt', ...required],
    },
  } as const;
}

export const CONTRACTS = {
  incidentReported: contract(
    'incident-reported',
    { incidentId: UUID, caseKind: { enum: ['pupil-incident', 'staff-misconduct'] }, category: KIND, involvedCount: { type: 'integer', minimum: 1 } },
    ['incidentId', 'caseKind', 'category', 'involvedCount'],
  ),
  measureImposed: contract(
    'measure-imposed',
    { incidentId: UUID, measureId: ID, subjectId: ID, measure: KIND, startsOn: { anyOf: [DAY, { type: 'null' }] }, endsOn: { anyOf: [DAY, { type: 'null' }] } },
    ['incidentId', 'measureId', 'subjectId', 'measure', 'startsOn', 'endsOn'],
  ),
  parentsNotificationDue: contract(
    'parents-notification-due',
    { obligationId: ID, regarding: ID, incidentId: { anyOf: [UUID, { type: 'null' }] }, pupilId: { anyOf: [ID, { type: 'null' }] }, dueAt: MOMENT },
    ['obligationId', 'regarding', 'incidentId', 'pupilId', 'dueAt'],
  ),
  inspectorNotificationDue: contract(
    'inspector-notification-due',
    { obligationId: ID, incidentId: UUID, basis: { enum: ['policy', 'statutory'] }, dueAt: MOMENT },
    ['obligationId', 'incidentId', 'basis', 'dueAt'],
  ),
  inspectorNotified: contract(
    'inspector-notified',
    {
      incidentId: UUID,
      obligationIds: { type: 'array', items: ID },
      calledAt: MOMENT,
      conclusion: { enum: ['reasonable-suspicion', 'no-reasonable-suspicion', null] },
    },
    ['incidentId', 'obligationIds', 'calledAt', 'conclusion'],
  ),
  criminalReportDecided: contract(
    'criminal-report-decided',
    {
      decisionId: UUID,
      decision: { enum: ['report', 'do-not-report'] },
      policeReportObligationId: { anyOf: [ID, { type: 'null' }] },
      policeReportDueAt: { anyOf: [MOMENT, { type: 'null' }] },
    },
    ['decisionId', 'decision', 'policeReportObligationId', 'policeReportDueAt'],
  ),
  policeReportFiled: contract('police-report-filed', { decisionId: UUID, filedAt: MOMENT, closesObligationId: ID }, [
    'decisionId',
    'filedAt',
    'closesObligationId',
  ]),
  deviceCustodyDue: contract(
    'device-custody-overdue',
    { custodyId: ID, pupilId: ID, offenceNumber: { type: 'integer', minimum: 1 }, obligationId: ID, dueAt: MOMENT },
    ['custodyId', 'pupilId', 'offenceNumber', 'obligationId', 'dueAt'],
  ),
  incidentClosed: contract(
    'incident-closed',
    { incidentId: UUID, caseKind: { enum: ['pupil-incident', 'staff-misconduct'] }, notApplicable: { type: 'boolean' } },
    ['incidentId', 'caseKind', 'notApplicable'],
  ),
} as const;

export type ContractName = (typeof CONTRACTS)[keyof typeof CONTRACTS]['name'];
export const CONTRACT_LIST = Object.values(CONTRACTS);

/** Messages the reminder consumer acts on: something falls due and someone must be reminded. */
export const DUE_TYPES: ReadonlySet<string> = new Set([
  CONTRACTS.parentsNotificationDue.type,
  CONTRACTS.inspectorNotificationDue.type,
  CONTRACTS.deviceCustodyDue.type,
]);

export interface IntegrationMessage {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: 1;
  readonly schoolId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly [field: string]: unknown;
}
