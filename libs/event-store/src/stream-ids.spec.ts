import { caseOfStream, categoryOf, idIn, parseStreamId, streamIds } from './stream-ids';

describe('stream ids', () => {
  it.each([
    ['pupil-incident-0193e3a0-1c2d-7000-8000-000000000001', 'pupil-incident'],
    ['staff-misconduct-0193e3a0-1c2d-7000-8000-000000000001', 'staff-misconduct'],
    ['criminal-report-0193e3a0-1c2d-7000-8000-000000000001', 'criminal-report'],
    // Pupil ids come from the school's administration and may contain dashes themselves.
    ['pupil-conduct-ll-2024-0042', 'pupil-conduct'],
    ['unknown-thing-1', 'unknown'],
    ['plain', 'plain'],
  ])('%s is in category %s', (streamId, category) => {
    expect(categoryOf(streamId)).toBe(category);
  });

  it('parses back what it builds, for every kind of record, ids with dashes included', () => {
    expect(parseStreamId(streamIds.pupilConduct('ll-2024-0042'))).toEqual({ category: 'pupil-conduct', id: 'll-2024-0042' });
    expect(parseStreamId(streamIds.personRecord('pupil-incident-1'))).toEqual({ category: 'privacy', id: 'pupil-incident-1' });
    expect(caseOfStream(streamIds.case('staff-misconduct', 'abc'))).toEqual({ kind: 'staff-misconduct', incidentId: 'abc' });
    expect(caseOfStream(streamIds.criminalReport('abc'))).toBeNull();
    expect(idIn('legal-hold', streamIds.legalHold('abc'))).toBe('abc');
    expect(idIn('pupil-consent', streamIds.pupilConduct('p-1'))).toBeNull();
    expect(parseStreamId('unknown-thing-1')).toBeNull();
  });
});
