import type {
  CorrespondenceChannel,
  CorrespondenceCounterpart,
  DisciplinaryMeasure,
  HeardAs,
  InvolvementRole,
  ObligationKind,
  PersonKind,
  PupilMeasure,
  PUPIL_INCIDENT_CATEGORIES,
  STAFF_MISCONDUCT_CATEGORIES,
} from '@casebook/incidents';

/**
 * The Dutch words for the API's codes (domain.md revision 2: the timeline is wholly in Dutch — categories, measures
 * and outcomes in Dutch words, never the API's codes; times in Europe/Amsterdam). Each table is keyed by the
 * domain's own union, so a new code does not compile until it has its word.
 */
type Category = (typeof PUPIL_INCIDENT_CATEGORIES)[number] | (typeof STAFF_MISCONDUCT_CATEGORIES)[number];

export const CATEGORY_NL: Readonly<Record<Category, string>> = {
  cyberbullying: 'cyberpesten',
  'personal-data-shared': 'persoonsgegevens gedeeld',
  'unauthorised-recording': 'opname zonder toestemming',
  'offensive-content': 'aanstootgevend materiaal opgezocht',
  'email-misuse': 'misbruik van e-mail',
  'phone-violation': 'overtreding van de telefoonregels',
  'unauthorised-download-or-print': 'downloaden of printen zonder toestemming',
  'unauthorised-login': 'inloggen zonder toestemming',
  other: 'overig',
  'private-contact-with-pupil': 'privécontact met een leerling',
  'confidential-information-published': 'vertrouwelijke informatie openbaar gemaakt',
  'recording-published-without-consent': 'opname gepubliceerd zonder toestemming',
  'affiliation-not-disclosed': 'niet vermeld verbonden te zijn aan de school',
  'views-contrary-to-mission': 'uitingen in strijd met de grondslag van de school',
  'decency-violated': 'fatsoensnormen geschonden',
  'reputation-damaged': 'reputatie van de school geschaad',
  'sexual-offence-against-pupil': 'signalen van een zedendelict tegen een leerling',
};

export const MEASURE_NL: Readonly<Record<PupilMeasure | DisciplinaryMeasure, string>> = {
  warning: 'waarschuwing',
  'ict-ban': 'tijdelijk verbod op ICT-gebruik',
  'behaviour-contract': 'gedragscontract',
  suspension: 'schorsing',
  removal: 'verwijdering van school',
  'school-access-ban': 'toegangsverbod tot de school',
  reprimand: 'berisping',
  'summary-dismissal': 'ontslag op staande voet',
  'suspension-pending-investigation': 'schorsing als ordemaatregel',
  dismissal: 'ontslag',
};

export const COUNTERPART_NL: Readonly<Record<CorrespondenceCounterpart, string>> = {
  parent: 'de ouders',
  pupil: 'de leerling',
  staff: 'de medewerker',
  police: 'de politie',
  inspector: 'de inspectie',
  other: 'een ander',
};

export const CHANNEL_NL: Readonly<Record<CorrespondenceChannel, string>> = {
  letter: 'per brief',
  'e-mail': 'per e-mail',
  phone: 'telefonisch',
  meeting: 'in een gesprek',
};

export const PERSON_KIND_NL: Readonly<Record<PersonKind, string>> = {
  pupil: 'leerling',
  staff: 'medewerker',
  volunteer: 'vrijwilliger',
  parent: 'ouder',
  external: 'externe',
};

export const INVOLVEMENT_NL: Readonly<Record<InvolvementRole, string>> = {
  victim: 'slachtoffer',
  perpetrator: 'pleger',
  witness: 'getuige',
  reporter: 'melder',
};

export const HEARD_AS_NL: Readonly<Record<HeardAs, string>> = { 'class-teacher': 'de groepsleerkracht', parent: 'de ouders', 'staff-member': 'de medewerker' };

export const OBLIGATION_NL: Readonly<Record<ObligationKind, string>> = {
  'inform-parents': 'ouders informeren',
  'report-suspension-to-inspectorate': 'schorsing melden aan de Inspectie',
  'inspector-call-policy': 'vertrouwensinspecteur bellen',
  'inspector-call-statutory': 'vertrouwensinspecteur raadplegen (wettelijk)',
  'police-report': 'aangifte doen',
  'device-return': 'toestel teruggeven',
  'removal-placement': 'andere school zoeken',
  'removal-reconsideration-window': 'bezwaartermijn ouders',
  'report-removal-to-inspectorate': 'verwijdering melden aan de Inspectie',
  'inform-attendance-officer': 'leerplichtambtenaar informeren',
  'decide-objection': 'bezwaar behandelen',
  'inform-parents-before-police-report': 'ouders informeren vóór de aangifte',
  'inform-accused-before-police-report': 'beschuldigde informeren vóór de aangifte',
};

export const ROUTE_NL: Readonly<Record<string, string>> = {
  uwv: 'via het UWV',
  'cantonal-court': 'via de kantonrechter',
  settlement: 'met een vaststellingsovereenkomst',
};
export const OUTCOME_NL: Readonly<Record<string, string>> = {
  granted: 'toegekend',
  refused: 'afgewezen',
  settled: 'geschikt',
  withdrawn: 'ingetrokken',
  admitted: 'toegelaten',
  'search-ended': 'zoektocht beëindigd',
};

/** The Dutch word for a code; an unknown code (from a newer version) is shown as itself rather than hidden. */
export const dutch = (words: Readonly<Record<string, string>>, code: unknown): string => words[String(code)] ?? String(code);

// Made once: a formatter costs far more to make than to use, and a long timeline formats thousands of moments.
const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const AMSTERDAM_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const AMSTERDAM_TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' });

/** A calendar day (YYYY-MM-DD) as Dutch words: `9 november 2026`. */
export function dutchDay(isoDate: unknown): string {
  const [year, month, day] = String(isoDate).split('-').map(Number) as [number, number, number];
  return DUTCH_DAY.format(new Date(Date.UTC(year, month - 1, day)));
}

/** A moment where the board is (Europe/Amsterdam), in Dutch: `6 november 2026 om 11:00`. */
export function dutchMoment(iso: unknown): string {
  const moment = new Date(String(iso));
  const day = AMSTERDAM_DAY.format(moment);
  const time = AMSTERDAM_TIME.format(moment);
  return `${day} om ${time}`;
}

/** What kind of evidence a media type is, in Dutch. */
export function mediaNl(mediaType: unknown): string {
  const type = String(mediaType).split('/')[0];
  return type === 'image' ? 'afbeelding' : type === 'video' ? 'video' : type === 'audio' ? 'geluidsopname' : 'document';
}
