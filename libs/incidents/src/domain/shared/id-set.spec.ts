import { IdSet } from './id-set';

describe('IdSet (the ids a case has seen)', () => {
  it('grows without changing the versions before', () => {
    const one = IdSet.empty.with('a');
    const two = one.with('b');
    expect([IdSet.empty.has('a'), one.has('a'), one.has('b'), two.has('a'), two.has('b')]).toEqual([false, true, false, true, true]);
    expect([one.size, two.size, two.with('a').size]).toEqual([1, 2, 2]);
  });

  it('keeps a fork from an older version apart from the newer one', () => {
    const base = IdSet.empty.with('a');
    const left = base.with('b');
    const right = base.with('c');
    expect([left.has('b'), left.has('c'), right.has('b'), right.has('c'), base.has('b'), base.has('c')]).toEqual([true, false, false, true, false, false]);
    expect(right.with('b').has('b')).toBe(true);
    expect(left.has('b') && !left.has('c')).toBe(true);
  });
});
