import { randomBytes } from 'node:crypto';
import { type DataKey, isSealed, keyRefsOf, openText, sealText } from './sealed-text';

const key = (personId: string): DataKey => ({ personId, keyId: randomBytes(6).toString('hex'), key: randomBytes(32) });
const byRef = (...keys: DataKey[]) => new Map(keys.map((k) => [`${k.personId}.${k.keyId}`, k]));

describe('sealed personal texts', () => {
  const anna = key('pupil-anna');
  const kees = key('pupil-kees');

  it('opens with every key it was sealed to, and names them', () => {
    const sealed = sealText('Kees pestte Anna in de klasgroep', [anna, kees]);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Anna in de');
    expect(keyRefsOf(sealed)).toEqual([
      { personId: 'pupil-anna', keyId: anna.keyId },
      { personId: 'pupil-kees', keyId: kees.keyId },
    ]);
    expect(openText(sealed, byRef(anna, kees))).toBe('Kees pestte Anna in de klasgroep');
  });

  it('cannot be opened once any one of its people is forgotten (their key is gone)', () => {
    const sealed = sealText('Kees pestte Anna', [anna, kees]);
    expect(openText(sealed, byRef(kees))).toBeNull();
    expect(openText(sealed, byRef(anna))).toBeNull();
    // A new key for the same person (mentioned again after being forgotten) does not open the old text.
    expect(openText(sealed, byRef({ ...anna, key: randomBytes(32) }, kees))).toBeNull();
  });

  it('refuses a changed ciphertext or changed key references (GCM tag and associated data)', () => {
    const sealed = sealText('Kees pestte Anna', [anna]);
    const body = sealed.slice(sealed.lastIndexOf(':') + 1);
    const flipped = `${sealed.slice(0, sealed.lastIndexOf(':') + 1)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(openText(flipped, byRef(anna))).toBeNull();
    expect(openText(sealed.replace('pupil-anna', 'pupil-kees'), byRef(anna, { ...kees, keyId: anna.keyId, key: anna.key }))).toBeNull();
  });
});
