import { PERSON_KINDS, PUPIL_INCIDENT_CATEGORIES, STAFF_MISCONDUCT_CATEGORIES } from '@casebook/incidents';
import { TIMELINE_EVENT_TYPES, timelineText } from './case-timeline.text';
import { CHANNEL_NL, COUNTERPART_NL, HEARD_AS_NL, INVOLVEMENT_NL, MEASURE_NL, OBLIGATION_NL } from './case-timeline.words.nl';

// Domain.md revision 2: the timeline is wholly in Dutch — no API code in a Dutch line, moments in Europe/Amsterdam —
// and in English on request. Every event type is rendered with every code each of its facts can hold.
const CODES: Readonly<Record<string, readonly string[]>> = {
  category: [...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES],
  from: [...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES],
  to: [...PUPIL_INCIDENT_CATEGORIES, ...STAFF_MISCONDUCT_CATEGORIES],
  informed: ['parents', 'accused'],
  personKind: PERSON_KINDS,
  role: Object.keys(INVOLVEMENT_NL),
  measure: Object.keys(MEASURE_NL),
  counterpart: Object.keys(COUNTERPART_NL),
  channel: Object.keys(CHANNEL_NL),
  heardPersonKind: PERSON_KINDS,
  heardAs: Object.keys(HEARD_AS_NL),
  kind: Object.keys(OBLIGATION_NL),
  qualification: ['dereliction-of-duty', 'boundary-crossing'],
  basis: ['policy', 'statutory'],
  conclusion: ['reasonable-suspicion', 'no-reasonable-suspicion'],
  decision: ['report', 'do-not-report', 'upheld', 'rejected'],
  route: ['uwv', 'cantonal-court', 'settlement'],
  outcome: ['granted', 'refused', 'settled', 'withdrawn', 'admitted', 'search-ended'],
  recipient: ['inspectorate', 'attendance-officer'],
  direction: ['incoming', 'outgoing'],
};
const BASE = {
  inScope: true,
  involvedCount: 2,
  mediaType: 'image/png',
  startsOn: '2026-11-09',
  endsOn: '2026-11-10',
  dueAt: '2026-11-06T10:00:00.000Z',
  inspectorReference: 'VI-2026-1',
  reference: 'ISD-1',
  caseNumber: '2026-0042',
  statutory: true,
  late: false,
  ...Object.fromEntries(Object.entries(CODES).map(([key, values]) => [key, values[0]])),
};
// "e-mail" is a Dutch word as well; every other code must not show in a Dutch line (as a whole word).
const FORBIDDEN = [...new Set(Object.values(CODES).flat())].filter((code) => code !== 'e-mail');
const variants = () => Object.entries(CODES).flatMap(([key, values]) => values.map((value) => ({ ...BASE, [key]: value })));

describe('the case timeline in Dutch and English', () => {
  it('renders every event type in Dutch without any API code or ISO date, the moment in Amsterdam time', () => {
    expect(TIMELINE_EVENT_TYPES.length).toBeGreaterThanOrEqual(28);
    const offending: string[] = [];
    for (const type of TIMELINE_EVENT_TYPES) {
      for (const facts of variants()) {
        const line = timelineText(type, facts, 'board', false, 'nl');
        const codes = FORBIDDEN.filter((code) => new RegExp(`(^|[^\\\\w-])${code.replace(/[-]/g, '\\\\-')}($|[^\\\\w-])`).test(line));
        if (codes.length || /\d{4}-\d{2}-\d{2}/.test(line) || line.includes(type)) offending.push(`${type}: ${line} [${codes.join(', ')}]`);
      }
    }
    expect([...new Set(offending)]).toEqual([]);
    expect(timelineText('InspectorNotificationQueued', BASE, 'board', false, 'nl')).toContain('6 november 2026 om 11:00');
    expect(timelineText('MeasureImposed', { ...BASE, measure: 'suspension' }, 'director', true, 'nl')).toBe(
      'Maatregel opgelegd: schorsing van 9 november 2026 tot en met 10 november 2026, door directeur (laat vastgelegd)',
    );
    expect(timelineText('IncidentReported', { ...BASE, category: 'cyberbullying' }, 'teacher', false, 'nl')).toBe(
      'Incident gemeld (cyberpesten), 2 betrokkenen, door leerkracht',
    );
  });

  it('renders every event type in English, with words rather than hyphenated codes', () => {
    for (const type of TIMELINE_EVENT_TYPES) {
      for (const facts of variants()) {
        const line = timelineText(type, facts, 'board', false, 'en');
        expect(line).toMatch(/, by board$/);
        expect(line).not.toContain('undefined');
        expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      }
    }
    expect(timelineText('MeasureImposed', { ...BASE, measure: 'ict-ban' }, 'director', false, 'en')).toContain('ict ban');
    expect(timelineText('InspectorNotificationQueued', BASE, 'board', false, 'en')).toContain('6 November 2026 at 11:00');
  });
});
