import type { DomainEventType, EventOfType } from './domain-events';
import { OBLIGATION_EFFECTS } from './obligation-effects';
import { DOMAIN_EVENT_TYPES, PERSONAL_DATA, type PersonalFields } from './personal-data';

/**
 * The tables past the decider are keyed by the domain's event union (issue #15). What this spec checks is checked
 * by the type checker (`npm run lint`): each `@ts-expect-error` below must stay an error, or tsc fails the build.
 */
describe('tables keyed by the domain event union', () => {
  it('does not compile a personal-data table that leaves an event type out, or names a field the event lacks', () => {
    const { DossierRead: _left, ...withoutOne } = PERSONAL_DATA;
    // @ts-expect-error — every event type must declare its personal fields, possibly none
    const incomplete: { readonly [T in DomainEventType]: PersonalFields<EventOfType<T>> } = withoutOne;
    // @ts-expect-error — a declared field must be a field of the event's data
    const wrongField: PersonalFields<EventOfType<'IncidentReported'>> = { texts: ['summmary'] };
    expect([incomplete, wrongField]).toHaveLength(2);
  });

  it('does not compile an obligation table that leaves an event type out', () => {
    const { LegalHoldLifted: _left, ...withoutOne } = OBLIGATION_EFFECTS;
    // @ts-expect-error — every event type says whether it opens or closes obligations
    const incomplete: typeof OBLIGATION_EFFECTS = withoutOne;
    expect(incomplete).toBeDefined();
  });

  it('knows every event type at run time too, for the privacy store and the projections to refuse the rest', () => {
    expect(DOMAIN_EVENT_TYPES.size).toBe(Object.keys(OBLIGATION_EFFECTS).length);
    expect(DOMAIN_EVENT_TYPES.has('DeviceReturnOverdue')).toBe(true);
    expect(DOMAIN_EVENT_TYPES.has('SomethingNew')).toBe(false);
  });
});
