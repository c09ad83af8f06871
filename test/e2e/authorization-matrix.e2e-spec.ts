import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@casebook/incidents';
import { ROLES } from '@casebook/access';
import { ACCESS_POLICY, type AccessResource, type Operation, PUBLIC_ROUTES, holds } from '../../apps/api/src/auth/access-policy';
import { renderAuthorizationDoc } from '../../apps/api/src/auth/access-policy.markdown';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { type ApiHarness, describeOnServerStore } from './support/api-harness';

/**
 * Issue #9, deliverable 1: every endpoint × every role × own school / other school / no school claim, the
 * expected status derived from the authorization table (apps/api/src/auth/access-policy.ts) alone — never written
 * here by hand. A command cell gets a fresh resource, so an allowed call is not refused for a state an earlier cell
 * left; a refused command must append nothing. The HTTP layer is what is tested, so one store suffices: the server's,
 * where the fixtures can run side by side.
 */
const OWN = 'school-1';
const OTHER = 'school-2';
type Claim = 'own school' | 'other school' | 'no school claim';
const CLAIMS: readonly Claim[] = ['own school', 'other school', 'no school claim'];
const schoolsOf = (claim: Claim): string[] => (claim === 'own school' ? [OWN] : claim === 'other school' ? [OTHER] : []);
const actorId = (role: Role) => `matrix-${role}`;

/** The status the table says a caller with `role` and `claim` gets on `resource`. */
function expectedStatus(operation: Operation, role: Role, claim: Claim, resource: AccessResource, success: number): number {
  // api.md, Auth: directors and teachers need a schools claim; without one the token itself is refused.
  if ((role === 'director' || role === 'teacher') && claim === 'no school claim') return 401;
  const condition = (ACCESS_POLICY[operation].who as Partial<Record<Role, Parameters<typeof holds>[0]>>)[role];
  if (!condition) return 403;
  return holds(condition, { id: actorId(role), schools: schoolsOf(claim) }, resource) ? success : 403;
}

interface Request {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: unknown;
  /** A body that is not JSON (the directory's CSV files). */
  readonly contentType?: string;
}

/** One resource an operation is tried on: what it is (for the conditions) and how to make it. */
interface Fixture {
  readonly operation: Operation;
  readonly on: string;
  readonly resource: AccessResource;
  readonly success: number;
  /** a command gets a fresh resource per cell; a read shares one */
  readonly fresh: boolean;
  /** `claim`: the caller's, for bodies that name the caller's own school (DIR1: the directory's school decides) */
  readonly prepare: (claim: Claim, role: Role) => Promise<Request>;
}

/** Fixtures tried at once: enough to keep the server's connections and this process busy together. */
const MATRIX_CONCURRENCY = 8;

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

describeOnServerStore('authorization matrix', (api) => {
  const fixtures: Fixture[] = [];
  let n = 0;
  const unique = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(() => {
    fixtures.push(...buildFixtures(api, unique));
  });

  it('has a row for every route of the API, and a route for every row', async () => {
    const openApi = (await api.get('/docs/openapi.json', null)).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(openApi.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const rows = new Set(Object.values(ACCESS_POLICY).map((rule) => `${rule.method} ${rule.path}`));
    const publicRoutes = new Set(PUBLIC_ROUTES.map((route) => `${route.method} ${route.path}`));
    expect(routes.filter((route) => !rows.has(route) && !publicRoutes.has(route))).toEqual([]);
    expect([...rows].filter((row) => !routes.includes(row))).toEqual([]);
  });

  it('tries every row of the table', () => {
    const tried = new Set(fixtures.map((fixture) => fixture.operation));
    expect(Object.keys(ACCESS_POLICY).filter((operation) => !tried.has(operation as Operation))).toEqual([]);
  });

  it('answers every endpoint × role × school claim as the table says: no unexpected 2xx, nothing appended when refused', async () => {
    // #33, a typed contract: every answer of a route whose OpenAPI entry has a response schema must match it.
    const openApi = (await api.get('/docs/openapi.json', null)).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemaOf = (operation: Operation, status: number) => {
      const rule = ACCESS_POLICY[operation];
      return openApi.paths[rule.path]?.[rule.method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']?.schema;
    };
    const checkedAgainstSchema = new Set<Operation>();
    const tokens = new Map<string, string>();
    for (const role of ROLES) for (const claim of CLAIMS) tokens.set(`${role}/${claim}`, await api.token(actorId(role), [role], schoolsOf(claim)));
    const mismatches: string[] = [];
    const posted: { cell: string; operation: Operation; correlationId: string; refused: boolean }[] = [];
    let cells = 0;
    let allowed = 0;
    const statuses = new Map<number, number>();
    // Each POST carries its own correlation id (X-Correlation-Id, which the write side puts on every event it
    // appends), so a refused request that appended is found afterwards in one query, and the fixtures can run side by
    // side. A fixture's own cells run one after another: they share its prepared resource or its streams.
    await inParallel(fixtures, MATRIX_CONCURRENCY, async (fixture) => {
      const shared = fixture.fresh ? undefined : await fixture.prepare('own school', 'board');
      for (const role of ROLES) {
        for (const claim of CLAIMS) {
          const request = shared ?? (await fixture.prepare(claim, role));
          const expected = expectedStatus(fixture.operation, role, claim, fixture.resource, fixture.success);
          const bearer = tokens.get(`${role}/${claim}`)!;
          const correlationId = `matrix-cell-${++cells}`;
          const headers = { 'x-correlation-id': correlationId, ...(request.contentType ? { 'content-type': request.contentType } : {}) };
          const response = request.method === 'POST' ? await api.post(request.url, request.body ?? {}, bearer, headers) : await api.get(request.url, bearer);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (expected < 300) allowed += 1;
          const cell = `${fixture.operation} (${fixture.on}) as ${role}, ${claim}`;
          if (response.statusCode !== expected) mismatches.push(`${cell}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
          const schema = response.statusCode < 300 ? schemaOf(fixture.operation, response.statusCode) : undefined;
          if (schema) {
            checkedAgainstSchema.add(fixture.operation);
            if (!ajv.validate(schema, response.json())) mismatches.push(`${cell}: the answer does not match its schema: ${ajv.errorsText()}`);
          }
          if (request.method === 'POST') posted.push({ cell, operation: fixture.operation, correlationId, refused: response.statusCode >= 400 });
          if (response.statusCode >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
        }
      }
    });
    const rows = await api
      .runtime()
      .sql.query<{ id: string }>("SELECT DISTINCT metadata->>'correlationId' AS id FROM es_events WHERE metadata->>'correlationId' LIKE 'matrix-cell-%'");
    const appended = new Set(rows.map((row) => row.id));
    for (const post of posted) if (post.refused && appended.has(post.correlationId)) mismatches.push(`${post.cell}: refused, yet something was appended`);
    // The check above sees only what carries the request's correlation id: every command that was allowed somewhere
    // must show it on its events, or a refused append of that command would go unseen.
    const carried = new Set(posted.filter((post) => appended.has(post.correlationId)).map((post) => post.operation));
    const unseen = [...new Set(posted.filter((post) => !post.refused).map((post) => post.operation))].filter((operation) => !carried.has(operation));
    expect(unseen).toEqual([]);
    process.stdout.write(
      `authorization matrix: ${Object.keys(ACCESS_POLICY).length} rows, ${fixtures.length} endpoint-resource pairs × ${ROLES.length} roles × ${CLAIMS.length} claims = ${cells} requests; ` +
        `${allowed} allowed by the table; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`,
    );
    expect(mismatches).toEqual([]);
    // Every command that answers `{ id, revision, position }` has its schema, and so do the main reads; the matrix
    // checked their answers.
    expect(checkedAgainstSchema.size).toBeGreaterThan(35);
    for (const read of [
      'listIncidents',
      'readWork',
      'readTimeline',
      'readIncident',
      'readObligations',
      'readInspectorQueue',
      'readAccessLog',
      'readSchools',
      'readSchool',
    ] as const)
      expect([read, checkedAgainstSchema.has(read)]).toEqual([read, true]);
    // Both sides exercised, or the matrix proves nothing.
    expect(allowed).toBeGreaterThan(50);
    expect(cells - allowed).toBeGreaterThan(200);
  }, 600_000);

  it('docs/authorization.md is the table as rendered from the code', () => {
    const onDisk = readFileSync(join(__dirname, '../../docs/authorization.md'), 'utf8');
    expect(onDisk).toBe(renderAuthorizationDoc());
  });
});

/** Valid requests for every row, on resources at school-1 that the teacher reported (so "own-report" can hold). */
function buildFixtures(api: ApiHarness, unique: (prefix: string) => string): Fixture[] {
  const now = () => new Date().toISOString();
  const today = () => now().slice(0, 10);
  let teacher: Promise<string> | undefined;
  let board: Promise<string> | undefined;
  const asTeacher = () => (teacher ??= api.token(actorId('teacher'), ['teacher'], [OWN]));
  const asBoard = () => (board ??= api.token('matrix-setup-board', ['board'], []));
  const ok = async (method: 'GET' | 'POST', url: string, body: unknown, bearer: string, headers?: Record<string, string>): Promise<Record<string, unknown>> => {
    const response = method === 'POST' ? await api.post(url, body, bearer, headers) : await api.get(url, bearer);
    if (response.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown>;
  };
  const setup = async (url: string, body: unknown, headers?: Record<string, string>) => ok('POST', url, body, await asBoard(), headers);

  const report = (kind: 'pupil-incident' | 'staff-misconduct', personId: string) =>
    kind === 'pupil-incident'
      ? {
          type: kind,
          schoolId: OWN,
          category: 'cyberbullying',
          occurredAt: '2026-11-03T20:30:00+01:00',
          summary: 'Messages in the class chat',
          involved: [{ personId, personKind: 'pupil', role: 'perpetrator' }],
        }
      : {
          type: kind,
          schoolId: OWN,
          category: 'decency-violated',
          occurredAt: '2026-11-03T20:30:00+01:00',
          summary: 'Private messages to pupils',
          involved: [{ personId, personKind: 'staff', role: 'perpetrator' }],
        };
  /** A case at school-1, reported by the matrix teacher; its involved person and last position. */
  const newCase = async (kind: 'pupil-incident' | 'staff-misconduct') => {
    const personId = unique(kind === 'pupil-incident' ? 'matrix-pupil' : 'matrix-staff');
    const created = await ok('POST', '/incidents', report(kind, personId), await asTeacher());
    return { id: created['id'] as string, personId, position: created['position'] as number };
  };
  const pupilCase = { schoolId: OWN, caseKind: 'pupil-incident', reportedBy: actorId('teacher') } as const;
  const staffCase = { schoolId: OWN, caseKind: 'staff-misconduct', reportedBy: actorId('teacher') } as const;
  const atSchool = { schoolId: OWN } as const;
  const kinds = [
    ['pupil case', 'pupil-incident', pupilCase],
    ['staff case', 'staff-misconduct', staffCase],
  ] as const;
  const custodyBody = { schoolId: OWN, device: 'phone', conditionChecked: { damage: 'none', working: true }, pupilPresent: true, switchedOff: true };
  const fixtures: Fixture[] = [];
  const command = (operation: Operation, on: string, resource: AccessResource, success: number, prepare: (claim: Claim, role: Role) => Promise<Request>) =>
    fixtures.push({ operation, on, resource, success, fresh: true, prepare });
  const read = (operation: Operation, on: string, resource: AccessResource, prepare: () => Promise<Request>) =>
    fixtures.push({ operation, on, resource, success: 200, fresh: false, prepare });
  const post = (url: string, body: unknown): Request => ({ method: 'POST', url, body });
  const get = (url: string): Request => ({ method: 'GET', url });

  command('reportIncident', 'school-1', atSchool, 201, async () => post('/incidents', report('pupil-incident', unique('matrix-pupil'))));
  for (const [on, kind, resource] of kinds) {
    command('assessScope', on, resource, 200, async () =>
      post(`/incidents/${(await newCase(kind)).id}/scope-assessment`, { inScope: true, rationale: 'School community' }),
    );
    command('addEvidence', on, resource, 201, async () =>
      post(`/incidents/${(await newCase(kind)).id}/evidence`, { description: 'Screenshot', sha256: 'a'.repeat(64), mediaType: 'image/png' }),
    );
    command('recordCorrespondence', on, resource, 201, async () =>
      post(`/incidents/${(await newCase(kind)).id}/correspondence`, {
        direction: 'incoming',
        counterpart: 'parent',
        channel: 'phone',
        occurredAt: now(),
        summary: 'Call',
      }),
    );
    command('closeIncident', on, resource, 200, async () => post(`/incidents/${(await newCase(kind)).id}/close`, { outcome: 'Handled' }));
    command('reopenIncident', on, resource, 200, async () => {
      const { id } = await newCase(kind);
      await setup(`/incidents/${id}/close`, { outcome: 'Handled' });
      return post(`/incidents/${id}/reopen`, { reason: 'New messages' });
    });
    command('placeLegalHold', on, resource, 200, async () => post(`/incidents/${(await newCase(kind)).id}/legal-hold`, { reason: 'Court case' }));
    command('liftLegalHold', on, resource, 200, async () => {
      const { id } = await newCase(kind);
      await setup(`/incidents/${id}/legal-hold`, { reason: 'Court case' });
      return post(`/incidents/${id}/legal-hold/lift`, { reason: 'Settled' });
    });
    command('openCriminalReportDecision', on, resource, 201, async () =>
      post('/criminal-report-decisions', { sourceIncidentId: (await newCase(kind)).id, suspectedOffence: 'Threat' }),
    );
    read('readIncident', on, resource, async () => get(`/incidents/${(await newCase(kind)).id}`));
    read('readTimeline', on, resource, async () => {
      const { id, position } = await newCase(kind);
      return get(`/incidents/${id}/timeline?waitForPosition=${position}`);
    });
    read('exportCaseAudit', on, resource, async () => get(`/incidents/${(await newCase(kind)).id}/audit-export`));
  }
  command('takeMeasure', 'pupil case', pupilCase, 201, async () => {
    const { id, personId } = await newCase('pupil-incident');
    return post(`/incidents/${id}/measures`, { subjectId: personId, measure: 'warning', reason: 'Messages' });
  });
  command('notifyParents', 'pupil case', pupilCase, 200, async () => {
    const { id, personId } = await newCase('pupil-incident');
    const measure = await setup(`/incidents/${id}/measures`, { subjectId: personId, measure: 'warning', reason: 'Messages' });
    return post(`/incidents/${id}/parent-notifications`, { regarding: measure['id'], channel: 'letter', informedAt: now() });
  });
  command('recordHearing', 'pupil case', pupilCase, 201, async () =>
    post(`/incidents/${(await newCase('pupil-incident')).id}/hearings`, {
      heardPersonId: unique('matrix-parent'),
      heardPersonKind: 'parent',
      heardAt: now(),
      summary: 'Heard',
    }),
  );
  command('recordInspectorateReport', 'pupil case', pupilCase, 200, async () => {
    const { id, personId } = await newCase('pupil-incident');
    // A Monday and a Tuesday: two school days whatever day it runs, so the Inspectorate report is owed (P5).
    await setup(`/incidents/${id}/measures`, { subjectId: personId, measure: 'suspension', reason: 'Messages', startsOn: '2026-11-09', endsOn: '2026-11-10' });
    return post(`/incidents/${id}/inspectorate-reports`, { reportedAt: now(), reference: 'ISD-1' });
  });
  command('recordHearing', 'staff case', staffCase, 201, async () => {
    const { id, personId } = await newCase('staff-misconduct');
    return post(`/incidents/${id}/hearings`, { heardPersonId: personId, heardAs: 'staff-member', heardAt: now(), summary: 'Heard' });
  });
  command('announceDisciplinaryIntention', 'staff case', staffCase, 201, async () => {
    const { id, personId } = await newCase('staff-misconduct');
    return post(`/incidents/${id}/disciplinary-intentions`, { subjectId: personId, measure: 'reprimand', announcedAt: now() });
  });
  command('startDismissalProcedure', 'staff case', staffCase, 201, async () => {
    const { id, personId } = await newCase('staff-misconduct');
    return post(`/incidents/${id}/dismissal-procedure`, { subjectId: personId, route: 'uwv', startedAt: now() });
  });
  command('recordDismissalOutcome', 'staff case', staffCase, 200, async () => {
    const { id, personId } = await newCase('staff-misconduct');
    await setup(`/incidents/${id}/dismissal-procedure`, { subjectId: personId, route: 'settlement', startedAt: now() });
    return post(`/incidents/${id}/dismissal-procedure/outcome`, { outcome: 'settled', decidedAt: now() });
  });
  /** A pupil case whose perpetrator the board removed (P6: intention, the class teacher and a parent heard). */
  const removedPupilCase = async () => {
    const { id, personId } = await newCase('pupil-incident');
    await setup(`/incidents/${id}/removal-intentions`, { subjectId: personId, reason: 'Repeated threats' });
    await setup(`/incidents/${id}/hearings`, {
      heardPersonId: unique('matrix-teacher'),
      heardPersonKind: 'staff',
      heardAs: 'class-teacher',
      ofPupilId: personId,
      heardAt: now(),
      summary: 'Heard',
    });
    await setup(`/incidents/${id}/hearings`, {
      heardPersonId: unique('matrix-parent'),
      heardPersonKind: 'parent',
      heardAs: 'parent',
      ofPupilId: personId,
      heardAt: now(),
      summary: 'Heard',
    });
    await setup(`/incidents/${id}/measures`, { subjectId: personId, measure: 'removal', reason: 'Repeated threats' });
    return { id, personId };
  };
  command('recordRemovalIntention', 'pupil case', pupilCase, 201, async () => {
    const { id, personId } = await newCase('pupil-incident');
    return post(`/incidents/${id}/removal-intentions`, { subjectId: personId, reason: 'Repeated threats' });
  });
  command('recordPlacement', 'pupil case', pupilCase, 201, async () => {
    const { id, personId } = await removedPupilCase();
    return post(`/incidents/${id}/placements`, { subjectId: personId, outcome: 'admitted', admittingSchool: 'De Regenboog', decidedAt: now() });
  });
  command('recordObjection', 'pupil case', pupilCase, 201, async () => {
    const { id, personId } = await removedPupilCase();
    return post(`/incidents/${id}/objections`, { subjectId: personId, receivedAt: now(), summary: 'The parents object' });
  });
  command('decideObjection', 'pupil case', pupilCase, 200, async () => {
    const { id, personId } = await removedPupilCase();
    const objection = await setup(`/incidents/${id}/objections`, { subjectId: personId, receivedAt: now(), summary: 'The parents object' });
    await setup(`/incidents/${id}/hearings`, {
      heardPersonId: unique('matrix-parent'),
      heardPersonKind: 'parent',
      heardAs: 'parent',
      ofPupilId: personId,
      heardAt: now(),
      summary: 'Heard on the objection',
    });
    return post(`/incidents/${id}/objections/${objection['id'] as string}/decision`, { decision: 'rejected', rationale: 'The removal stands' });
  });
  for (const [on, kind, resource] of kinds) {
    command('reclassifyIncident', on, resource, 200, async () =>
      post(`/incidents/${(await newCase(kind)).id}/reclassification`, {
        category: kind === 'pupil-incident' ? 'offensive-content' : 'reputation-damaged',
        rationale: 'Corrected',
      }),
    );
    command('addInvolvedPerson', on, resource, 200, async () =>
      post(`/incidents/${(await newCase(kind)).id}/involved`, { personId: unique('matrix-witness'), personKind: 'pupil', role: 'witness' }),
    );
    command('assignCase', on, resource, 200, async () => post(`/incidents/${(await newCase(kind)).id}/assignment`, { ownerId: unique('matrix-owner') }));
  }
  command('withdrawMeasure', 'pupil case', pupilCase, 201, async () => {
    const { id, personId } = await newCase('pupil-incident');
    const measure = await setup(`/incidents/${id}/measures`, { subjectId: personId, measure: 'warning', reason: 'Messages' });
    return post(`/incidents/${id}/withdrawals`, { withdrawnId: measure['id'], rationale: 'Upheld on objection' });
  });
  command('recordStatutoryNotice', 'a statutory decision to report', {}, 200, async () => {
    // B3: a case of signs of a sexual offence opens the decision; consulted, decided to report, then the notices.
    const created = await setup('/incidents', { ...report('staff-misconduct', unique('matrix-staff')), category: 'sexual-offence-against-pupil' });
    await setup(`/incidents/${created['id'] as string}/inspector-call`, {
      calledAt: now(),
      inspectorReference: 'VI-1',
      summary: 'Consulted',
      conclusion: 'reasonable-suspicion',
    });
    await setup(`/criminal-report-decisions/${created['criminalReportDecisionId'] as string}/decision`, {
      decision: 'report',
      rationale: 'Reasonable suspicion',
    });
    return post(`/criminal-report-decisions/${created['criminalReportDecisionId'] as string}/notices`, { to: 'parents', channel: 'letter', informedAt: now() });
  });
  // S10 (revision 2): the matrix teacher's own record; `self` holds for the teacher, not for HR (another person).
  command('recordStaffManagerConsultation', "the teacher's own record", { personId: actorId('teacher') }, 201, async () =>
    post(`/staff/${actorId('teacher')}/manager-consultations`, { consultedAt: now(), summary: 'May I post this?', managerId: 'matrix-director' }),
  );
  command('qualifyConduct', 'staff case', staffCase, 200, async () =>
    post(`/incidents/${(await newCase('staff-misconduct')).id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private contact' }),
  );
  command('recordInspectorCall', 'staff case', staffCase, 200, async () => {
    const { id } = await newCase('staff-misconduct');
    await setup(`/incidents/${id}/qualifications`, { qualification: 'boundary-crossing', rationale: 'Private contact' });
    return post(`/incidents/${id}/inspector-call`, { calledAt: now(), inspectorReference: 'VI-1', summary: 'Called', conclusion: 'no-reasonable-suspicion' });
  });
  command('recordManagerConsultation', 'staff case', staffCase, 201, async () =>
    post(`/incidents/${(await newCase('staff-misconduct')).id}/manager-consultations`, { consultedAt: now(), summary: 'Consulted' }),
  );
  const decision = async () =>
    (await setup('/criminal-report-decisions', { sourceIncidentId: (await newCase('staff-misconduct')).id, suspectedOffence: 'Threat' }))['id'] as string;
  command('decideCriminalReport', 'decision on a school-1 case', atSchool, 200, async () =>
    post(`/criminal-report-decisions/${await decision()}/decision`, { decision: 'report', rationale: 'A threat' }),
  );
  command('recordPoliceReport', 'decision on a school-1 case', atSchool, 200, async () => {
    const id = await decision();
    await setup(`/criminal-report-decisions/${id}/decision`, { decision: 'report', rationale: 'A threat' });
    return post(`/criminal-report-decisions/${id}/police-report`, { filedAt: now(), policeStation: 'Utrecht', policeReference: 'PL-1' });
  });
  command('takeDeviceIntoCustody', 'school-1', atSchool, 201, async () => post(`/pupils/${unique('matrix-pupil')}/device-custody`, custodyBody));
  command('returnDevice', 'custody at school-1', atSchool, 200, async () => {
    const custody = await setup(`/pupils/${unique('matrix-pupil')}/device-custody`, custodyBody);
    return post(`/device-custody/${custody['id'] as string}/return`, { returnedTo: 'pupil', returnedAt: now() });
  });
  // E4: an account exists only with the parents' mailbox consent in the register.
  const withMailbox = async () => {
    const pupilId = unique('matrix-pupil');
    await setup(`/pupils/${pupilId}/consents`, { schoolId: OWN, purpose: 'mailbox', decision: 'given', givenBy: 'parents' });
    return pupilId;
  };
  command('suspendEmailAccount', 'school-1', atSchool, 201, async () =>
    post(`/pupils/${await withMailbox()}/email-account/suspensions`, { schoolId: OWN, ground: 'bullying', until: '2027-01-31', reason: 'Messages' }),
  );
  command('warnAboutEmail', 'school-1', atSchool, 201, async () =>
    post(`/pupils/${await withMailbox()}/email-account/warnings`, { schoolId: OWN, reason: 'Messages' }),
  );
  command('recordConsent', 'school-1', atSchool, 200, async () =>
    post(`/pupils/${unique('matrix-pupil')}/consents`, { schoolId: OWN, purpose: 'website-publication', decision: 'given', givenBy: 'parents' }),
  );
  command('grantRecordingPermission', 'school-1', atSchool, 201, async () =>
    post(`/schools/${OWN}/recording-permissions`, {
      what: 'Lesson recording',
      grantedTo: 'matrix-recorder',
      validFrom: today(),
      documentSha256: 'c'.repeat(64),
    }),
  );
  command('erasePerson', 'a person', {}, 200, async () => post(`/people/${unique('matrix-leaver')}/erasure`, { reason: 'Request of the person' }));
  command('recordPupilDeparture', 'a pupil at school-1', atSchool, 200, async () =>
    post(`/people/${unique('matrix-pupil')}/departure`, { personKind: 'pupil', leftOn: today(), schoolId: OWN }),
  );
  command('recordStaffDeparture', 'a staff member', {}, 200, async () =>
    post(`/people/${unique('matrix-staff')}/departure`, { personKind: 'staff', leftOn: today() }),
  );

  // DIR1 (#31): people the directory knows at school-1, with a body that names the caller's own school — as an
  // attacker of another school would. The table's school is the directory's (school-1), whatever the body says.
  const csv = { 'content-type': 'text/csv' };
  let schools: Promise<unknown> | undefined;
  const directorySchools = () =>
    (schools ??= setup(
      '/directory/imports/schools',
      `schoolId,brin,name,holidayRegion,schoolDayEndsAt\n${OWN},12AB,De Regenboog,midden,15:00\n${OTHER},34CD,De Linde,midden,15:00\n`,
      csv,
    ));
  const knownPupil = async () => {
    await directorySchools();
    const pupilId = unique('matrix-known-pupil');
    await setup(
      '/directory/imports/pupils',
      `personId,name,dateOfBirth,schoolId,group,enrolledOn\n${pupilId},Naam,2015-03-14,${OWN},groep 6,2021-08-20\n`,
      csv,
    );
    return pupilId;
  };
  const knownStaff = async () => {
    await directorySchools();
    const staffId = unique('matrix-known-staff');
    await setup('/directory/imports/staff', `personId,name,email,roles,startedOn\n${staffId},Naam,naam@example.nl,teacher@${OWN},2021-08-01\n`, csv);
    return staffId;
  };
  /** The school a caller would name as theirs: a director's or teacher's claim; the board and others name the pupil's. */
  const named = (claim: Claim, role: Role) => (role === 'director' || role === 'teacher' ? (schoolsOf(claim)[0] ?? OWN) : OWN);
  const knownWithMailbox = async () => {
    const pupilId = await knownPupil();
    await setup(`/pupils/${pupilId}/consents`, { schoolId: OWN, purpose: 'mailbox', decision: 'given', givenBy: 'parents' });
    return pupilId;
  };
  const byDirectory = 'pupil at school-1 by the directory, body naming the caller’s school';
  command('takeDeviceIntoCustody', byDirectory, atSchool, 201, async (claim, role) =>
    post(`/pupils/${await knownPupil()}/device-custody`, { ...custodyBody, schoolId: named(claim, role) }),
  );
  command('suspendEmailAccount', byDirectory, atSchool, 201, async (claim, role) =>
    post(`/pupils/${await knownWithMailbox()}/email-account/suspensions`, {
      schoolId: named(claim, role),
      ground: 'bullying',
      until: '2027-01-31',
      reason: 'Messages',
    }),
  );
  command('warnAboutEmail', byDirectory, atSchool, 201, async (claim, role) =>
    post(`/pupils/${await knownWithMailbox()}/email-account/warnings`, { schoolId: named(claim, role), reason: 'Messages' }),
  );
  command('recordConsent', byDirectory, atSchool, 200, async (claim, role) =>
    post(`/pupils/${await knownPupil()}/consents`, { schoolId: named(claim, role), purpose: 'website-publication', decision: 'given', givenBy: 'parents' }),
  );
  command('recordPupilDeparture', byDirectory, atSchool, 200, async (claim, role) =>
    post(`/people/${await knownPupil()}/departure`, { personKind: 'pupil', leftOn: today(), schoolId: named(claim, role) }),
  );
  fixtures.push({
    operation: 'previewDeviceCustody',
    on: byDirectory,
    resource: atSchool,
    success: 200,
    fresh: true,
    prepare: async (claim, role) => get(`/pupils/${await knownPupil()}/device-custody/preview?schoolId=${named(claim, role)}`),
  });
  command('recordStaffManagerConsultation', 'staff at school-1 by the directory', { schoolId: OWN, personId: 'matrix-known-staff' }, 201, async () =>
    post(`/staff/${await knownStaff()}/manager-consultations`, { consultedAt: now(), summary: 'May I post this?', managerId: 'matrix-director' }),
  );

  read('readPupilConsents', 'consent at school-1', atSchool, async () => {
    const pupilId = unique('matrix-pupil');
    const given = await setup(`/pupils/${pupilId}/consents`, { schoolId: OWN, purpose: 'mailbox', decision: 'given', givenBy: 'parents' });
    return get(`/pupils/${pupilId}/consents?waitForPosition=${given['position'] as number}`);
  });
  read('readNonConsenting', 'school-1', atSchool, async () => get(`/schools/${OWN}/website-publication/non-consenting`));
  read('readRecordingPermissions', 'school-1', atSchool, async () => get(`/schools/${OWN}/recording-permissions`));
  read('readRetention', 'the register', {}, async () => get('/privacy/retention'));
  read('readPupilFile', 'pupil at school-1', atSchool, async () => {
    const { personId, position } = await newCase('pupil-incident');
    return get(`/pupils/${personId}/file?waitForPosition=${position}`);
  });
  read('readPersonnelFile', 'staff member', {}, async () => {
    const { personId, position } = await newCase('staff-misconduct');
    return get(`/staff/${personId}/personnel-file?waitForPosition=${position}`);
  });
  read('readInspectorQueue', 'the queue', {}, async () => get('/inspector-notifications'));
  read('readSettings', 'the settings', {}, async () => get('/settings'));
  read('readObligations', 'the list', {}, async () => get('/obligations'));
  read('listIncidents', 'the caseload', {}, async () => get('/incidents'));
  read('readSchools', 'the schools', {}, async () => get('/schools'));
  read('readDirectoryPeople', 'the people', {}, async () => get('/directory/people'));
  read('previewDeviceCustody', 'school-1', atSchool, async () => get(`/pupils/${unique('matrix-pupil')}/device-custody/preview?schoolId=${OWN}`));
  read('readSchoolPupils', 'school-1', atSchool, async () => get(`/schools/${OWN}/pupils`));
  command('importDirectory', 'a schools file', {}, 200, async () => ({
    method: 'POST',
    url: '/directory/imports/schools',
    body: `schoolId,brin,name,holidayRegion,schoolDayEndsAt\n${unique('matrix-school')},12AB,De Regenboog,midden,15:00\n`,
    contentType: 'text/csv',
  }));
  read('readSchool', 'a school', {}, async () => {
    const schoolId = unique('matrix-school');
    const imported = await setup(
      '/directory/imports/schools',
      `schoolId,brin,name,holidayRegion,schoolDayEndsAt\n${schoolId},12AB,De Regenboog,midden,15:00\n`,
      { 'content-type': 'text/csv' },
    );
    // The import's own position: the store's visible head can be below it while another transaction is open.
    return get(`/schools/${schoolId}?waitForPosition=${imported['position'] as number}`);
  });
  read('readWork', 'the work queue', {}, async () => get('/work'));
  read('readStatistics', 'the statistics', {}, async () => get('/statistics?groupBy=school'));
  read('readAccessLog', 'a subject', {}, async () => get('/access-log?subjectId=matrix-pupil-1'));
  read('exportAccessLog', 'a subject', {}, async () => get('/access-log/audit-export?subjectId=matrix-pupil-1'));
  return fixtures;
}
