/**
 * Every stream id of Casebook is built and parsed here, and nowhere else (issue #15). A stream id is
 * `<category>-<id>`: the streams of the domain spec (`pupil-incident-<uuid>`, …) and the records beside them (the
 * access log, privacy records, legal holds). Categories contain dashes and ids from the school's administration
 * may too, so a stream id is parsed by the longest category it starts with, never by splitting at a dash.
 */
export const STREAM_CATEGORIES = [
  'pupil-incident',
  'staff-misconduct',
  'criminal-report',
  'pupil-conduct',
  'pupil-consent',
  'school-consent',
  'access-log',
  'privacy',
  'legal-hold',
  'case-numbers',
  'staff-record',
  'directory-person',
  'directory-school',
] as const;

export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** The two kinds of incident case: their streams are named by the kind (domain spec, "Incident streams"). */
export type CaseKind = 'pupil-incident' | 'staff-misconduct';
export const CASE_KINDS: readonly CaseKind[] = ['pupil-incident', 'staff-misconduct'];

/** The stream of each kind of record, by the id it is about. */
export const streamIds = {
  /** A case: `pupil-incident-<uuid>` or `staff-misconduct-<uuid>`. */
  case: (kind: CaseKind, incidentId: string): string => `${kind}-${incidentId}`,
  /** P4/B2/B3: a criminal-report decision. */
  criminalReport: (decisionId: string): string => `criminal-report-${decisionId}`,
  /** M1–M6, E1–E3: what belongs to a pupil rather than to one case. */
  pupilConduct: (pupilId: string): string => `pupil-conduct-${pupilId}`,
  /** E4, R2: a pupil's consents. */
  pupilConsent: (pupilId: string): string => `pupil-consent-${pupilId}`,
  /** R1: a school's recording permissions. */
  schoolConsent: (schoolId: string): string => `school-consent-${schoolId}`,
  /** One dossier read: its own one-event stream, so reads never contend on a revision. */
  accessLog: (accessId: string): string => `access-log-${accessId}`,
  /** A person's privacy record: departure, erasures. */
  personRecord: (personId: string): string => `privacy-${personId}`,
  /** A case's legal hold. */
  legalHold: (incidentId: string): string => `legal-hold-${incidentId}`,
  /** S10: a staff member's own record, beside any case (manager consultations). */
  staffRecord: (staffId: string): string => `staff-record-${staffId}`,
  /** DIR1: a person of the board's administration (staff, pupil, parent). */
  directoryPerson: (personId: string): string => `directory-person-${personId}`,
  /** DIR1: a school of the board. */
  directorySchool: (schoolId: string): string => `directory-school-${schoolId}`,
  /** The year's case-number counter (domain.md "case number"): its n-th event is number n. */
  caseNumbers: (year: number): string => `case-numbers-${year}`,
} as const;

export interface ParsedStreamId {
  readonly category: StreamCategory;
  /** What the stream is about: the case, decision, pupil, school, access, or person id. */
  readonly id: string;
}

/** The category and id of one of our stream ids; null for a stream id of no known category. */
export function parseStreamId(streamId: string): ParsedStreamId | null {
  let best: StreamCategory | undefined;
  for (const category of STREAM_CATEGORIES) {
    if (streamId.startsWith(`${category}-`) && category.length > (best?.length ?? 0)) best = category;
  }
  return best ? { category: best, id: streamId.slice(best.length + 1) } : null;
}

/** The category the store files a stream under (`readAll({ categories })`): a known one, else the text before the first dash. */
export function categoryOf(streamId: string): string {
  const parsed = parseStreamId(streamId);
  if (parsed) return parsed.category;
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

/** The case a stream is: `{ kind, incidentId }` for a case stream, null for every other stream. */
export function caseOfStream(streamId: string): { readonly kind: CaseKind; readonly incidentId: string } | null {
  const parsed = parseStreamId(streamId);
  return parsed && (parsed.category === 'pupil-incident' || parsed.category === 'staff-misconduct') ? { kind: parsed.category, incidentId: parsed.id } : null;
}

/** The id a stream is about when it is of `category`, else null (`idIn('pupil-conduct', s)` → the pupil). */
export function idIn(category: StreamCategory, streamId: string): string | null {
  const parsed = parseStreamId(streamId);
  return parsed?.category === category ? parsed.id : null;
}
