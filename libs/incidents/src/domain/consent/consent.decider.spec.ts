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
      { type: 'ConsentGiven', data: { pupilId: 'pupil-1', schoolId: 'school-1', purpose: 'mailbox', givenBy: 'parents', documentSha256: null, recordedBy: 'director-1' } },
    ]);
  });

  it('refuses a mailbox consent from the pupil alone: the parents must agree (E4)', () => {
    expect(decidePupilConsent(consent({ givenBy: 'pupil' }), initialPupilConsentState)).toMatchObject({ rule: 'E4', violation: 'conflict' });
  });

  it('refuses a director of another school, and HR (E4, R2)', () => {
    expect(decidePupilConsent(consent({}, 'director', ['school-9']), initialPupilConsentState)).toMatchObject({ rule: 'E4', violation: 'forbidden' });
    expect(decidePupilConsent(consent({ purpose: 'website-publication' }, 'hr'), initialPupilConsentState)).toMatchObject({ rule: 'R2', violation: 'forbidden' });
  });

  it('records website consent, its refusal and its withdrawal as events; withdraws only a given consent (R2)', () => {
    const given = decidePupilConsent(consent({ purpose: 'website-publication', givenBy: 'pupil' }), initialPupilConsentState) as never[];
    const state = evolvePupilConsent(initialPupilConsentState, given[0]!);
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'withdrawn' }), state)).toMatchObject([{ type: 'ConsentWithdrawn' }]);
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'withdrawn' }), initialPupilConsentState)).toMatchObject({ rule: 'R2' });
    expect(decidePupilConsent(consent({ purpose: 'website-publication', decision: 'refused' }), initialPupilConsentState)).toMatchObject([{ type: 'ConsentRefused' }]);
  });
});

describe('recording permissions', () => {
  const grant = (role: Actor['role'], data: Partial<{ what: string; validUntil: string | null }> = {}, schools?: string[]) => ({
    type: 'GrantRecordingPermission' as const,
    context: as(role, schools),
    data: { permissionId: 'perm-1', schoolId: 'school-1', what: 'Video of the school musical', grantedTo: 'staff-7', validFrom: '2026-12-01', validUntil: '2026-12-20', documentSha256: 'a'.repeat(64), ...data },
  });

  it('records the director’s written permission: who, what, when, document hash (R1)', () => {
    expect(decideSchoolConsent(grant('director'), initialSchoolConsentState)).toMatchObject([{ type: 'RecordingPermissionGranted', data: { grantedTo: 'staff-7', grantedBy: 'director-1', documentSha256: 'a'.repeat(64) } }]);
  });

  it('refuses anyone but the school’s director, a blank what, and an end before the start (R1)', () => {
    expect(decideSchoolConsent(grant('board'), initialSchoolConsentState)).toMatchObject({ rule: 'R1', violation: 'forbidden' });
    expect(decideSchoolConsent(grant('director', {}, ['school-9']), initialSchoolConsentState)).toMatchObject({ rule: 'R1', violation: 'forbidden' });
    expect(decideSchoolConsent(grant('director', { what: ' ' }), initialSchoolConsentState)).toMatchObject({ rule: 'R1' });
    expect(decideSchoolConsent(grant('director', { validUntil: '2026-11-01' }), initialSchoolConsentState)).toMatchObject({ rule: 'R1' });
  });
});
