import { caseOfStream, idIn } from '@casebook/event-store';

/** `pupil-incident-<id>` / `staff-misconduct-<id>` → the incident id; other streams → null. */
export function incidentIdOf(streamId: string): string | null {
  return caseOfStream(streamId)?.incidentId ?? null;
}

/** `pupil-conduct-<pupilId>` → the pupil id. */
export function conductPupilOf(streamId: string): string | null {
  return idIn('pupil-conduct', streamId);
}
