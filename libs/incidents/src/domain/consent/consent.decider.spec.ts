import type { Actor } from '../shared/actor';
import { decidePupilConsent, decideSchoolConsent, evolvePupilConsent, initialPupilConsentState, initialSchoolConsentState } from './consent.decider';
import type { RecordConsent } from './consent.commands';

const as = (role: Actor['role'], schools = ['school-1']) => ({ actor: { id: `${role}-1`, role, schools }, now: '2026-11-25T10:00:00.000Z' });
const consent = (data: Partial<RecordConsent['data']>, role: Actor['role'] = 'director', schools?: string[]): RecordConsent => ({
  type: 'RecordConsent',
  context: as(role, schools),
  data: { pupilId: 'pupil-1', schoolId: 'school-1', purpose: 'mailbox', decision: 'given', givenBy: 'parents', documentSha256: null, ...data },
});

describe('pupil consents', () => {
  it('records the parents’ consent for a mailbox (E4)', () => {
    expect(decidePupilConsent(consent({}), initialPupilConsentState)).toEqual([
      {
        type: 'ConsentGiven',
        data: { pupilId: 'pupil-1', schoolId: 'school-1', purpose: 'mailbox', givenBy: 'parents', documentSha256: null, recordedBy: 'director-1' },
      },
    ]);
  });

  it('refuses a mailbox consent from the pupil alone: the parents must agree (E4)', () => {
    expect(decidePupilConsent(consent({ givenBy: 'pupil' }), initialPupilConsentState)).toMatchObject({ rule: 'E4', violation: 'conflict' });
  });

  it('refuses a director of another school, and HR (E4, R2)', () => {
    expect(decidePupilConsent(consent({}, 'director', ['school-9']), initialPupilConsentState)).toMatchObject({ rule: 'E4', violation: 'forbidden' });
    expect(decidePupilConsent(consent({ purpose: 'website-publication' }, 'hr'), initialPupilConsentState)).toMatchObject({
      rule: 'R2',
      violation: 'forbidden',
    });
  });

  it('records website consent, its refusal and its withdrawal as events; withdraws only a given consent (R2)', () => {
    const given = decidePupilConsent(consent({ purpose: 'website-publication', givenBy: 'parents' }), initialPupilConsentState) as never[];
    const state = evolvePupilConsent(initialPupilConsentState, given[0]!);
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'withdrawn' }), state)).toMatchObject([{ type: 'ConsentWithdrawn' }]);
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'withdrawn' }), initialPupilConsentState)).toMatchObject({ rule: 'R2' });
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'refused' }), initialPupilConsentState)).toMatchObject([
      { type: 'ConsentRefused' },
    ]);
  });
});

describe('who consents to website publication (CON1)', () => {
  const website = (givenBy: 'parents' | 'pupil', dateOfBirth?: string | null, decision: 'given' | 'refused' | 'withdrawn' = 'given') =>
    consent({ purpose: 'website-publication', givenBy, decision, ...(dateOfBirth !== undefined ? { dateOfBirth } : {}) });
  const withConsent = evolvePupilConsent(initialPupilConsentState, {
    type: 'ConsentGiven',
    data: { pupilId: 'pupil-1', schoolId: 'school-1', purpose: 'website-publication', givenBy: 'parents', documentSha256: null, recordedBy: 'x' },
  });

  it('refuses a pupil under 16 consenting, or one whose age is not known: a parent decides (CON1)', () => {
    expect(decidePupilConsent(website('pupil', '2014-05-01'), initialPupilConsentState)).toMatchObject({
      rule: 'CON1',
      message: expect.stringMatching(/is 12/),
    });
    expect(decidePupilConsent(website('pupil'), initialPupilConsentState)).toMatchObject({ rule: 'CON1' });
    expect(decidePupilConsent(website('pupil', '2010-11-26'), initialPupilConsentState)).toMatchObject({ rule: 'CON1' }); // 16 tomorrow
    expect(decidePupilConsent(website('pupil', '2010-11-26', 'withdrawn'), withConsent)).toMatchObject({ rule: 'CON1' });
    expect(decidePupilConsent(website('parents', '2014-05-01'), initialPupilConsentState)).toMatchObject([
      { type: 'ConsentGiven', data: { givenBy: 'parents' } },
    ]);
    expect(decidePupilConsent(website('parents'), initialPupilConsentState)).toMatchObject([{ type: 'ConsentGiven' }]);
  });

  it('lets a pupil of 16 decide, and no longer the parents (CON1)', () => {
    expect(decidePupilConsent(website('pupil', '2010-11-25'), initialPupilConsentState)).toMatchObject([{ type: 'ConsentGiven', data: { givenBy: 'pupil' } }]); // 16 today
    expect(decidePupilConsent(website('parents', '2010-11-25'), initialPupilConsentState)).toMatchObject({
      rule: 'CON1',
      message: expect.stringMatching(/from 16/),
    });
    expect(decidePupilConsent(website('pupil', '2009-01-01', 'refused'), initialPupilConsentState)).toMatchObject([{ type: 'ConsentRefused' }]);
  });

  it('counts the birthday where the board is: 23:30 UTC on the 24th is the 25th in Amsterdam (CON1)', () => {
    const lateEvening = { ...website('pupil', '2010-11-25'), context: { ...as('director'), now: '2026-11-24T23:30:00.000Z' } };
    expect(decidePupilConsent(lateEvening, initialPupilConsentState)).toMatchObject([{ type: 'ConsentGiven' }]);
  });
});

describe('recording permissions', () => {
  const grant = (role: Actor['role'], data: Partial<{ what: string; validUntil: string | null }> = {}, schools?: string[]) => ({
    type: 'GrantRecordingPermission' as const,
    context: as(role, schools),
    data: {
      permissionId: 'perm-1',
      schoolId: 'school-1',
      what: 'Video of the school musical',
      grantedTo: 'staff-7',
      validFrom: '2026-12-01',
      validUntil: '2026-12-20',
      documentSha256: 'a'.repeat(64),
      ...data,
    },
  });

  it('records the director’s written permission: who, what, when, document hash (R1)', () => {
    expect(decideSchoolConsent(grant('director'), initialSchoolConsentState)).toMatchObject([
      { type: 'RecordingPermissionGranted', data: { grantedTo: 'staff-7', grantedBy: 'director-1', documentSha256: 'a'.repeat(64) } },
    ]);
  });

  it('refuses anyone but the school’s director, a blank what, and an end before the start (R1)', () => {
    expect(decideSchoolConsent(grant('board'), initialSchoolConsentState)).toMatchObject({ rule: 'R1', violation: 'forbidden' });
    expect(decideSchoolConsent(grant('director', {}, ['school-9']), initialSchoolConsentState)).toMatchObject({ rule: 'R1', violation: 'forbidden' });
    expect(decideSchoolConsent(grant('director', { what: ' ' }), initialSchoolConsentState)).toMatchObject({ rule: 'R1' });
    expect(decideSchoolConsent(grant('director', { validUntil: '2026-11-01' }), initialSchoolConsentState)).toMatchObject({ rule: 'R1' });
  });
});
