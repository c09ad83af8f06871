import type { EventsOf } from '@casebook/incidents';
import {
  CATEGORY_NL,
  CHANNEL_NL,
  COUNTERPART_NL,
  HEARD_AS_NL,
  INVOLVEMENT_NL,
  MEASURE_NL,
  OBLIGATION_NL,
  OUTCOME_NL,
  PERSON_KIND_NL,
  ROUTE_NL,
  dutch,
  dutchDay,
  dutchMoment,
  mediaNl,
} from './case-timeline.words.nl';

/** The plain-language line of a timeline entry, in Dutch (default) or English (`Accept-Language: en`). */
export type TimelineLanguage = 'nl' | 'en';

/** The streams a case timeline shows: the case, and the criminal-report decisions opened from it (P4). */
export type TimelineCategory = 'pupil-incident' | 'staff-misconduct' | 'criminal-report';
type TimelineEventType = EventsOf<TimelineCategory>['type'];

type Facts = Readonly<Record<string, unknown>>;
type Line = (f: Facts) => string;
/** A line for every event type a timeline shows: a new one does not compile until it has its words. */
type Lines = { readonly [T in TimelineEventType]: Line };

const ROLE: Record<TimelineLanguage, Record<string, string>> = {
  nl: { teacher: 'leerkracht', director: 'directeur', board: 'College van Bestuur', hr: 'HR', legal: 'jurist' },
  en: { teacher: 'teacher', director: 'director', board: 'board', hr: 'HR', legal: 'legal' },
};

/** A code in English words: `ict-ban` → `ict ban`, `do-not-report` → `do not report`. */
const words = (code: unknown): string => String(code).replace(/-/g, ' ');
/** A moment where the board is, in English: `6 November 2026 at 11:00`. */
const ENGLISH_MOMENT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Amsterdam',
});
const englishMoment = (iso: unknown): string => ENGLISH_MOMENT.format(new Date(String(iso)));

const ROUTE_EN: Readonly<Record<string, string>> = {
  uwv: 'through the UWV',
  'cantonal-court': 'through the cantonal court',
  settlement: 'by settlement agreement',
};

const LINES: Record<TimelineLanguage, Lines> = {
  nl: {
    IncidentReported: (f) =>
      `Incident gemeld (${dutch(CATEGORY_NL, f['category'])}), ${f['involvedCount']} ${f['involvedCount'] === 1 ? 'betrokkene' : 'betrokkenen'}`,
    ScopeAssessed: (f) => (f['inScope'] ? 'Beoordeeld: valt onder het protocol' : 'Beoordeeld: valt niet onder het protocol'),
    EvidenceAdded: (f) => `Bewijs toegevoegd (${mediaNl(f['mediaType'])})`,
    CorrespondenceRecorded: (f) =>
      `Correspondentie vastgelegd: ${f['direction'] === 'incoming' ? 'ontvangen van' : 'verstuurd aan'} ${dutch(COUNTERPART_NL, f['counterpart'])}, ${dutch(CHANNEL_NL, f['channel'])}`,
    IncidentClosed: () => 'Zaak gesloten',
    CaseNumbered: (f) => `Zaaknummer ${f['caseNumber']}`,
    CaseAssigned: () => 'Behandelaar van de zaak toegewezen',
    IncidentReclassified: (f) => `Categorie gewijzigd van ${dutch(CATEGORY_NL, f['from'])} in ${dutch(CATEGORY_NL, f['to'])}`,
    InvolvedPersonAdded: (f) => `Betrokkene toegevoegd: ${dutch(PERSON_KIND_NL, f['personKind'])} als ${dutch(INVOLVEMENT_NL, f['role'])}`,
    MeasureWithdrawn: () => 'Maatregel ingetrokken',
    ObligationWaived: (f) => `Verplichting vervallen verklaard bij het sluiten: ${dutch(OBLIGATION_NL, f['kind'])}`,
    IncidentReopened: () => 'Zaak heropend',
    CriminalReportDecisionLinked: () => 'Besluit over aangifte gekoppeld',
    MeasureImposed: (f) =>
      `Maatregel opgelegd: ${dutch(MEASURE_NL, f['measure'])}${f['startsOn'] ? ` van ${dutchDay(f['startsOn'])}` : ''}${f['endsOn'] ? ` tot en met ${dutchDay(f['endsOn'])}` : ''}`,
    HearingHeld: (f) => `Gehoord: ${f['heardAs'] ? dutch(HEARD_AS_NL, f['heardAs']) : dutch(PERSON_KIND_NL, f['heardPersonKind'])}`,
    InspectorateReported: (f) =>
      `Schriftelijk gemeld aan ${f['recipient'] === 'attendance-officer' ? 'de leerplichtambtenaar' : 'de Inspectie van het Onderwijs'} (kenmerk ${f['reference']})`,
    RemovalIntended: () => 'Voornemen tot verwijdering vastgelegd',
    RemovalPlacementRecorded: (f) =>
      f['outcome'] === 'admitted'
        ? 'Verwijdering definitief: een andere school laat de leerling toe'
        : 'Verwijdering definitief: acht weken gezocht zonder resultaat',
    RemovalObjected: (f) => `Bezwaar van de ouders ontvangen${f['late'] ? ' (na de termijn)' : ''}`,
    ObjectionDecided: (f) => (f['decision'] === 'upheld' ? 'Bezwaar gegrond verklaard' : 'Bezwaar ongegrond verklaard'),
    ParentsInformed: (f) => `Ouders geïnformeerd, ${dutch(CHANNEL_NL, f['channel'])}`,
    StaffConductQualified: (f) => `Gedrag gekwalificeerd als ${f['qualification'] === 'boundary-crossing' ? 'grensoverschrijdend' : 'plichtsverzuim'}`,
    InspectorNotificationQueued: (f) =>
      `Melding aan de vertrouwensinspecteur klaargezet (${f['basis'] === 'statutory' ? 'wettelijk' : 'beleid'}), uiterlijk ${dutchMoment(f['dueAt'])}`,
    InspectorCalled: (f) =>
      `Vertrouwensinspecteur gebeld (kenmerk ${f['inspectorReference']})${f['conclusion'] ? `: ${f['conclusion'] === 'reasonable-suspicion' ? 'redelijk vermoeden' : 'geen redelijk vermoeden'}` : ''}`,
    ManagerConsulted: () => 'Leidinggevende geraadpleegd',
    DisciplinaryMeasureImposed: (f) => `Disciplinaire maatregel: ${dutch(MEASURE_NL, f['measure'])}`,
    DisciplinaryIntentionAnnounced: (f) => `Voornemen schriftelijk aangekondigd: ${dutch(MEASURE_NL, f['measure'])}`,
    DismissalProcedureStarted: (f) => `Ontslagprocedure gestart ${dutch(ROUTE_NL, f['route'])}`,
    DismissalProcedureConcluded: (f) => `Ontslagprocedure afgerond: ${dutch(OUTCOME_NL, f['outcome'])}`,
    CriminalReportDecisionOpened: (f) => `Besluit over aangifte geopend${f['statutory'] ? ' (wettelijke aangifteplicht)' : ''}`,
    CriminalReportDecided: (f) => (f['decision'] === 'report' ? 'Besloten: aangifte doen' : 'Besloten: geen aangifte'),
    PoliceReportFiled: () => 'Aangifte gedaan bij de politie',
    // B3 with FACT1 (#32): after the filing is never "vóór de aangifte".
    StatutoryNoticeGiven: (f) =>
      `${f['informed'] === 'accused' ? 'De beschuldigde' : 'De ouders van de leerling'} geïnformeerd ${f['afterPoliceReport'] ? 'ná de aangifte (te laat)' : 'vóór de aangifte'}, ${dutch(CHANNEL_NL, f['channel'])}`,
  },
  en: {
    IncidentReported: (f) => `Incident reported (${words(f['category'])}), ${f['involvedCount']} involved`,
    ScopeAssessed: (f) => (f['inScope'] ? 'Assessed: within the protocol' : 'Assessed: outside the protocol'),
    EvidenceAdded: (f) => `Evidence added (${f['mediaType']})`,
    CorrespondenceRecorded: (f) =>
      `Correspondence recorded: ${f['direction'] === 'incoming' ? 'received from' : 'sent to'} ${words(f['counterpart'])} by ${words(f['channel'])}`,
    IncidentClosed: () => 'Case closed',
    CaseNumbered: (f) => `Case number ${f['caseNumber']}`,
    CaseAssigned: () => 'Case owner assigned',
    IncidentReclassified: (f) => `Category changed from ${words(f['from'])} to ${words(f['to'])}`,
    InvolvedPersonAdded: (f) => `Person added: ${words(f['personKind'])} as ${words(f['role'])}`,
    MeasureWithdrawn: () => 'Measure withdrawn',
    ObligationWaived: (f) => `Obligation waived on closing: ${words(f['kind'])}`,
    IncidentReopened: () => 'Case reopened',
    CriminalReportDecisionLinked: () => 'Criminal-report decision linked',
    MeasureImposed: (f) => `Measure imposed: ${words(f['measure'])}${f['startsOn'] ? ` from ${f['startsOn']}` : ''}${f['endsOn'] ? ` to ${f['endsOn']}` : ''}`,
    HearingHeld: (f) => `Heard: ${words(f['heardPersonKind'])}`,
    InspectorateReported: (f) =>
      `Reported in writing to ${f['recipient'] === 'attendance-officer' ? 'the school-attendance officer' : 'the Inspectorate of Education'} (reference ${f['reference']})`,
    RemovalIntended: () => 'Intention to remove recorded',
    RemovalPlacementRecorded: (f) =>
      f['outcome'] === 'admitted' ? 'Removal final: another school admits the pupil' : 'Removal final: eight weeks of searching without result',
    RemovalObjected: (f) => `Objection of the parents received${f['late'] ? ' (after the deadline)' : ''}`,
    ObjectionDecided: (f) => `Objection ${words(f['decision'])}`,
    ParentsInformed: (f) => `Parents informed by ${words(f['channel'])}`,
    StaffConductQualified: (f) => `Conduct qualified as ${words(f['qualification'])}`,
    InspectorNotificationQueued: (f) => `Call to the confidential inspector queued (${words(f['basis'])}), due ${englishMoment(f['dueAt'])}`,
    InspectorCalled: (f) => `Confidential inspector called (reference ${f['inspectorReference']})${f['conclusion'] ? `: ${words(f['conclusion'])}` : ''}`,
    ManagerConsulted: () => 'Manager consulted',
    DisciplinaryMeasureImposed: (f) => `Disciplinary measure: ${words(f['measure'])}`,
    DisciplinaryIntentionAnnounced: (f) => `Intention announced in writing: ${words(f['measure'])}`,
    DismissalProcedureStarted: (f) => `Dismissal procedure started ${dutch(ROUTE_EN, f['route'])}`,
    DismissalProcedureConcluded: (f) => `Dismissal procedure concluded: ${words(f['outcome'])}`,
    CriminalReportDecisionOpened: (f) => `Criminal-report decision opened${f['statutory'] ? ' (statutory duty)' : ''}`,
    CriminalReportDecided: (f) => (f['decision'] === 'report' ? 'Decided: report to the police' : 'Decided: no police report'),
    PoliceReportFiled: () => 'Police report filed',
    StatutoryNoticeGiven: (f) =>
      `${f['informed'] === 'accused' ? 'The accused' : "The pupil's parents"} informed ${f['afterPoliceReport'] ? 'after the police report (late)' : 'before the police report'}, by ${words(f['channel'])}`,
  },
};

/** Every event type a timeline shows (for the test that renders each in both languages). */
export const TIMELINE_EVENT_TYPES = Object.keys(LINES.nl) as TimelineEventType[];

export function timelineText(type: string, facts: Facts, actorRole: string, late: boolean, language: TimelineLanguage): string {
  const line = (LINES[language] as Readonly<Record<string, Line | undefined>>)[type]?.(facts) ?? type;
  const by = language === 'nl' ? 'door' : 'by';
  const lateMark = late ? (language === 'nl' ? ' (laat vastgelegd)' : ' (recorded late)') : '';
  return `${line}, ${by} ${ROLE[language][actorRole] ?? actorRole}${lateMark}`;
}

/** `Accept-Language`: English when the reader prefers it over Dutch; Dutch otherwise. */
export function timelineLanguage(acceptLanguage: string | undefined): TimelineLanguage {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.tag.startsWith('en') || entry.tag.startsWith('nl'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'nl';
}
