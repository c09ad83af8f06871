/**
 * Response schemas of the reads (#33, a typed contract), as JSON Schema in the OpenAPI document. The authorization
 * matrix checks every answer of these routes against them. Fields the answers always have are required; more are
 * allowed where api.md says "and more".
 */
const moment = { type: 'string', format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

const page = (item: object) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: item }, nextCursor: nullableString },
});

/** `GET /incidents`: the caseload, no names or narratives. */
export const CASELOAD_PAGE_SCHEMA = page({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'caseNumber', 'kind', 'schoolId', 'category', 'status', 'ownerId', 'reportedAt', 'lastChangedAt', 'openObligations', 'overdueObligations'],
  properties: {
    id: { type: 'string' },
    caseNumber: nullableString,
    kind: { enum: ['pupil-incident', 'staff-misconduct'] },
    schoolId: { type: 'string' },
    category: { type: 'string' },
    status: { enum: ['open', 'closed'] },
    ownerId: nullableString,
    reportedAt: moment,
    lastChangedAt: moment,
    openObligations: { type: 'integer', minimum: 0 },
    overdueObligations: { type: 'integer', minimum: 0 },
  },
});

/** `GET /work`: what waits for the caller. */
export const WORK_SCHEMA = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'caseId', 'caseNumber', 'schoolId', 'dueAt', 'overdue'],
        properties: {
          kind: { type: 'string' },
          caseId: nullableString,
          caseNumber: nullableString,
          schoolId: nullableString,
          dueAt: { type: ['string', 'null'] },
          overdue: { type: 'boolean' },
          obligationId: { type: 'string' },
          decisionId: { type: 'string' },
          personId: { type: 'string' },
          personName: { type: 'string' },
        },
      },
    },
  },
};

/** `GET /incidents/{id}/timeline`: the case's lines in the reader's language. */
export const TIMELINE_PAGE_SCHEMA = page({
  type: 'object',
  required: ['position', 'revision', 'type', 'occurredAt', 'recordedAt', 'late', 'actor', 'text'],
  properties: {
    position: { type: 'integer', minimum: 0 },
    revision: { type: 'integer', minimum: 0 },
    type: { type: 'string' },
    occurredAt: moment,
    recordedAt: moment,
    late: { type: 'boolean' },
    actor: { type: 'object', required: ['id', 'role'], properties: { id: { type: 'string' }, role: { type: 'string' } } },
    text: { type: 'string', minLength: 1 },
  },
});

/** `GET /incidents/{id}`: the case as it stands (its lists hold what the domain recorded; more fields by kind). */
export const INCIDENT_SCHEMA = {
  type: 'object',
  required: ['id', 'kind', 'revision', 'position', 'schoolId', 'category', 'occurredAt', 'recordedAt', 'reportedBy', 'involved', 'status', 'obligations'],
  properties: {
    id: { type: 'string' },
    caseNumber: nullableString,
    kind: { enum: ['pupil-incident', 'staff-misconduct'] },
    revision: { type: 'integer', minimum: 0 },
    position: { type: 'integer', minimum: 0 },
    schoolId: { type: 'string' },
    category: { type: 'string' },
    occurredAt: moment,
    recordedAt: moment,
    reportedBy: { type: 'string' },
    summary: { type: 'string' },
    involved: {
      type: 'array',
      items: {
        type: 'object',
        required: ['personId', 'personKind', 'role'],
        properties: { personId: { type: 'string' }, personKind: { type: 'string' }, role: { type: 'string' } },
      },
    },
    status: { enum: ['open', 'closed'] },
    obligations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['obligationId', 'kind', 'dueAt', 'status'],
        properties: { obligationId: { type: 'string' }, kind: { type: 'string' }, dueAt: moment, status: { enum: ['open', 'done', 'waived'] } },
      },
    },
    criminalReportDecisions: { type: 'array', items: { type: 'string' } },
  },
};

/** `GET /obligations`: each with FACT1's timing once done. */
export const OBLIGATIONS_PAGE_SCHEMA = page({
  type: 'object',
  required: ['obligationId', 'kind', 'regarding', 'incidentId', 'schoolId', 'openedAt', 'dueAt', 'closedAt', 'status', 'timing'],
  properties: {
    obligationId: { type: 'string' },
    kind: { type: 'string' },
    regarding: { type: 'string' },
    incidentId: nullableString,
    pupilId: nullableString,
    schoolId: nullableString,
    openedAt: moment,
    dueAt: moment,
    closedAt: { type: ['string', 'null'] },
    status: { type: 'string' },
    timing: { enum: ['before-due', 'after-due', null] },
  },
});

/** `GET /inspector-notifications`: the board's queue. */
export const INSPECTOR_QUEUE_PAGE_SCHEMA = page({
  type: 'object',
  required: ['itemId', 'incidentId', 'schoolId', 'basis', 'createdAt', 'dueAt', 'status'],
  properties: {
    itemId: { type: 'string' },
    incidentId: { type: 'string' },
    schoolId: { type: 'string' },
    basis: { enum: ['policy', 'statutory'] },
    createdAt: moment,
    dueAt: moment,
    status: { type: 'string' },
  },
});

const school = {
  type: 'object',
  required: ['schoolId', 'brin', 'name', 'holidayRegion', 'schoolDayEndsAt'],
  properties: {
    schoolId: { type: 'string' },
    brin: { type: 'string', pattern: '^\\d{2}[A-Z]{2}$' },
    name: { type: 'string' },
    holidayRegion: { enum: ['noord', 'midden', 'zuid'] },
    schoolDayEndsAt: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
  },
};

/** `GET /schools` and `GET /schools/{schoolId}` (DIR1). */
export const SCHOOLS_SCHEMA = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: school } } };
export const SCHOOL_SCHEMA = school;

/** `GET /access-log`: who read whose data, and whether it was refused. */
export const ACCESS_LOG_PAGE_SCHEMA = page({
  type: 'object',
  required: ['accessId', 'readAt', 'actorId', 'actorRoles', 'resource', 'resourceId', 'subjectIds', 'outcome'],
  properties: {
    accessId: { type: 'string' },
    readAt: moment,
    actorId: { type: 'string' },
    actorRoles: { type: 'array', items: { type: 'string' } },
    resource: { type: 'string' },
    resourceId: { type: 'string' },
    subjectIds: { type: 'array', items: { type: 'string' } },
    outcome: { type: 'string' },
  },
});
