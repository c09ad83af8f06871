import { categoryOf } from './stream-category';

describe('stream categories', () => {
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
});
