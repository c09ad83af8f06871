import fc from 'fast-check';
import { describeOnServerStore } from './support/api-harness';

/**
 * Property (issue #3): whatever body a client sends to any command endpoint, the answer is never a 5xx, and a
 * 4xx appends nothing. Bodies are valid ones with a field replaced, removed or added, or any JSON at all,
 * sent by any role, against cases, custodies and decisions that exist.
 */
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 30);
const NOW = () => new Date().toISOString();

/** Values a field might wrongly get: wrong types, impossible dates, hostile strings, long text, nesting. */
const wrongValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constantFrom(
    '2026-02-31T10:00:00Z',
    '2026-13-01',
    '2099-01-01T00:00:00Z',
    '1900-01-01T00:00:00Z',
    '../../etc/passwd',
    "'; DROP TABLE es_events; --",
    '\u0000',
    '',
  ),
  fc.string({ minLength: 5001, maxLength: 6000 }),
);

function bodies(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: wrongValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc
      .record({ key: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype')), value: wrongValue })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.jsonValue({ maxDepth: 4 }),
    fc.constant(valid),
  );
}

describeOnServerStore('random bodies on every command endpoint', (api) => {
  const endpoints: { name: string; url: () => string; valid: () => Record<string, unknown> }[] = [];
  let tokens: string[];

  beforeAll(async () => {
    const director = await api.token('staff-dir-1', ['director']);
    const board = await api.token('board-1', ['board'], []);
    tokens = [director, board, await api.token('staff-teacher-1', ['teacher']), await api.token('hr-1', ['hr'], []), await api.token('legal-1', ['legal'], [])];
    const created = async (url: string, body: object, bearer = director): Promise<string> => {
      const response = await api.post(url, body, bearer);
      if (response.statusCode !== 201) throw new Error(`setup ${url}: ${response.statusCode} ${response.body}`);
      return response.json().id as string;
    };
    const report = {
      type: 'pupil-incident',
      schoolId: 'school-1',
      category: 'cyberbullying',
      occurredAt: '2026-11-03T20:30:00+01:00',
      summary: 'Messages',
      involved: [{ personId: 'pupil-2', personKind: 'pupil', role: 'perpetrator' }],
    };
    const pupilCase = await created('/incidents', report);
    const staffCase = await created('/incidents', {
      ...report,
      type: 'staff-misconduct',
      category: 'decency-violated',
      involved: [{ personId: 'staff-5', personKind: 'staff', role: 'perpetrator' }],
    });
    const measure = await created(`/incidents/${pupilCase}/measures`, { subjectId: 'pupil-2', measure: 'warning', reason: 'Messages' });
    const custodyBody = { schoolId: 'school-1', device: 'phone', conditionChecked: { damage: 'none', working: true }, pupilPresent: true, switchedOff: true };
    const custody = await created('/pupils/pupil-fc/device-custody', custodyBody);
    // E4: pupil-fc has a mailbox: the parents agreed.
    const consent = await api.post('/pupils/pupil-fc/consents', { schoolId: 'school-1', purpose: 'mailbox', decision: 'given', givenBy: 'parents' }, director);
    if (consent.statusCode !== 200) throw new Error(`setup consent: ${consent.statusCode} ${consent.body}`);
    const decision = await created('/criminal-report-decisions', { sourceIncidentId: staffCase, suspectedOffence: 'Threat' });

    const at = (path: string) => () => `/incidents/${pupilCase}/${path}`;
    const staffAt = (path: string) => () => `/incidents/${staffCase}/${path}`;
    endpoints.push(
      { name: 'POST /incidents', url: () => '/incidents', valid: () => report },
      { name: 'scope-assessment', url: at('scope-assessment'), valid: () => ({ inScope: true, rationale: 'School chat' }) },
      {
        name: 'evidence',
        url: at('evidence'),
        valid: () => ({ description: 'Screenshot', sha256: 'a'.repeat(64), mediaType: 'image/png', capturedAt: '2026-11-03T21:00:00Z' }),
      },
      {
        name: 'correspondence',
        url: staffAt('correspondence'),
        valid: () => ({
          direction: 'incoming',
          counterpart: 'parent',
          channel: 'phone',
          occurredAt: '2026-11-04T10:00:00Z',
          summary: 'Call',
          documentSha256: 'b'.repeat(64),
        }),
      },
      {
        name: 'measures',
        url: at('measures'),
        valid: () => ({ subjectId: 'pupil-2', measure: 'ict-ban', reason: 'x', startsOn: '2026-11-05', endsOn: '2026-11-12' }),
      },
      { name: 'parent-notifications', url: at('parent-notifications'), valid: () => ({ regarding: measure, channel: 'letter', informedAt: NOW() }) },
      { name: 'qualifications', url: staffAt('qualifications'), valid: () => ({ qualification: 'boundary-crossing', rationale: 'x' }) },
      {
        name: 'inspector-call',
        url: staffAt('inspector-call'),
        valid: () => ({ calledAt: NOW(), inspectorReference: 'VI-1', summary: 'x', conclusion: 'no-reasonable-suspicion' }),
      },
      { name: 'manager-consultations', url: staffAt('manager-consultations'), valid: () => ({ consultedAt: NOW(), summary: 'x' }) },
      { name: 'inspectorate-reports', url: at('inspectorate-reports'), valid: () => ({ reportedAt: NOW(), reference: 'ISD-1', regarding: measure }) },
      { name: 'hearings', url: at('hearings'), valid: () => ({ heardPersonId: 'staff-17', heardPersonKind: 'staff', heardAt: NOW(), summary: 'x' }) },
      { name: 'close', url: at('close'), valid: () => ({ outcome: 'Handled' }) },
      { name: 'reopen', url: at('reopen'), valid: () => ({ reason: 'More messages' }) },
      {
        name: 'criminal-report-decisions',
        url: () => '/criminal-report-decisions',
        valid: () => ({ sourceIncidentId: pupilCase, suspectedOffence: 'Threat' }),
      },
      { name: 'decision', url: () => `/criminal-report-decisions/${decision}/decision`, valid: () => ({ decision: 'report', rationale: 'A threat' }) },
      {
        name: 'police-report',
        url: () => `/criminal-report-decisions/${decision}/police-report`,
        valid: () => ({ filedAt: NOW(), policeStation: 'Utrecht', policeReference: 'PL-1' }),
      },
      {
        name: 'device-custody',
        url: () => '/pupils/pupil-fc/device-custody',
        valid: () => ({ ...custodyBody, custodyUntil: '2027-01-01T12:00:00Z', incidentId: pupilCase }),
      },
      { name: 'device return', url: () => `/device-custody/${custody}/return`, valid: () => ({ returnedTo: 'parent', returnedAt: NOW() }) },
      {
        name: 'email suspensions',
        url: () => '/pupils/pupil-fc/email-account/suspensions',
        valid: () => ({ schoolId: 'school-1', ground: 'bullying', until: '2027-01-31', reason: 'x' }),
      },
      { name: 'email warnings', url: () => '/pupils/pupil-fc/email-account/warnings', valid: () => ({ schoolId: 'school-1', reason: 'x' }) },
    );
  });

  it('covers every command endpoint of api.md', () => {
    // The 19 of its first table, and those of revision 2 built so far (inspectorate-reports).
    expect(endpoints).toHaveLength(20);
  });

  it('never answers 5xx, and appends nothing when it answers 4xx', async () => {
    const statuses = new Map<number, number>();
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(bodies(endpoint.valid()), fc.nat({ max: tokens.length - 1 }), async (body, who) => {
          const before = await api.eventCount();
          const response = await api.post(endpoint.url(), JSON.stringify(body) ?? 'null', tokens[who]!);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500) throw new Error(`${endpoint.name}: ${response.statusCode} ${response.body}`);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type']).toContain('application/problem+json');
            expect(await api.eventCount()).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    }
    // The property is only worth something if both sides were exercised.
    const accepted = [...statuses].filter(([status]) => status < 300).reduce((n, [, count]) => n + count, 0);
    const refused = [...statuses].filter(([status]) => status >= 400).reduce((n, [, count]) => n + count, 0);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
