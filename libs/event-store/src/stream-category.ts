/**
 * A stream id is `<category>-<id>` (`pupil-incident-<uuid>`, `pupil-conduct-<pupilId>`). Categories contain
 * dashes themselves and ids from the school's administration may too, so the split cannot be guessed from the
 * text: the category is the longest known category the id starts with, and otherwise the text before the
 * first dash. Known categories are the stream kinds of the domain spec; libraries add theirs here.
 */
export const KNOWN_STREAM_CATEGORIES: readonly string[] = [
  'pupil-incident',
  'staff-misconduct',
  'criminal-report',
  'pupil-conduct',
  'pupil-consent',
  'school-consent',
  'access-log',
  'privacy',
  'legal-hold',
];

export function categoryOf(streamId: string, known: readonly string[] = KNOWN_STREAM_CATEGORIES): string {
  let best = '';
  for (const category of known) {
    if (streamId.startsWith(`${category}-`) && category.length > best.length) best = category;
  }
  if (best) return best;
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}
