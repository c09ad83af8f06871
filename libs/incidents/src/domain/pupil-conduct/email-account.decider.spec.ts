import { given, play } from '@casebook/testing';
import type { SuspendEmailAccount, WarnAboutEmailUse } from './pupil-conduct.commands';
import { at, custody, pupilConductDecider } from './pupil-conduct.fixtures';

const suspend = (overrides: Partial<SuspendEmailAccount['data']> = {}): SuspendEmailAccount => ({
  type: 'SuspendEmailAccount',
  context: at('2026-11-02T10:00:00.000Z'),
  data: {
    actionId: 'action-suspend-1',
    informParentsObligationId: 'inform-suspend-1',
    pupilId: 'pupil-1',
    schoolId: 'school-1',
    ground: 'bullying',
    until: '2026-11-16',
    reason: 'Sent threatening messages to a classmate',
    mailboxConsented: true,
    ...overrides,
  },
});

const warn = (overrides: Partial<WarnAboutEmailUse['data']> = {}): WarnAboutEmailUse => ({
  type: 'WarnAboutEmailUse',
  context: at('2026-11-02T10:00:00.000Z'),
  data: {
    actionId: 'action-warn-1',
    informParentsObligationId: 'inform-warn-1',
    pupilId: 'pupil-1',
    schoolId: 'school-1',
    reason: 'Chain mail to the whole class',
    mailboxConsented: true,
    ...overrides,
  },
});

const informed = (regarding: string, informedAt = '2026-11-02T16:00:00.000Z') => ({
  type: 'RecordParentsInformed' as const,
  context: at('2026-11-02T17:00:00.000Z'),
  data: { regarding, channel: 'phone' as const, informedAt },
});

describe('school e-mail account', () => {
  it('refuses a suspension or a warning about an account the consent register shows no mailbox consent for (E4)', () => {
    expect(given(pupilConductDecider, []).when(suspend({ mailboxConsented: false }))).toMatchObject({ rule: 'E4' });
    expect(given(pupilConductDecider, []).when(warn({ mailboxConsented: false }))).toMatchObject({ rule: 'E4' });
  });

  it('suspends the account with the ground and the end date the director set (E1)', () => {
    expect(given(pupilConductDecider, []).when(suspend())).toMatchObject([
      { type: 'EmailAccountSuspended', data: { actionId: 'action-suspend-1', ground: 'bullying', until: '2026-11-16' } },
    ]);
  });

  it.each([
    ['an end date that is today', { until: '2026-11-02' }],
    ['an end date in the past', { until: '2026-10-30' }],
    ['a ground the protocol does not name', { ground: 'boredom' as never }],
    ['no reason', { reason: '   ' }],
  ])('refuses a suspension with %s (E1)', (_label, overrides) => {
    expect(given(pupilConductDecider, []).when(suspend(overrides))).toMatchObject({ kind: 'rule-violation', rule: 'E1' });
  });

  it('opens an obligation to inform the user or parents of the suspension, with the reason (E2)', () => {
    const decision = given(pupilConductDecider, []).when(suspend());
    expect(decision).toMatchObject([
      {
        data: { obligations: [{ obligationId: 'inform-suspend-1', kind: 'inform-parents', regarding: 'action-suspend-1', dueAt: '2026-11-04T10:00:00.000Z' }] },
      },
    ]);
  });

  it('gives a warning for less serious misuse and opens an "inform parents" obligation (E3)', () => {
    expect(given(pupilConductDecider, []).when(warn())).toMatchObject([
      { type: 'EmailUseWarned', data: { actionId: 'action-warn-1', obligations: [{ kind: 'inform-parents', regarding: 'action-warn-1' }] } },
    ]);
    expect(given(pupilConductDecider, []).when(warn({ reason: '' }))).toMatchObject({ rule: 'E3' });
  });
});

describe('informing parents', () => {
  it('closes the obligation only with a parent-notification event, recording when, how and by whom (E2)', () => {
    const history = play(pupilConductDecider, [suspend()]);
    expect(given(pupilConductDecider, history).state.informParentsOpen).toEqual({ 'action-suspend-1': 'inform-suspend-1' });
    const decision = given(pupilConductDecider, history).when(informed('action-suspend-1'));
    expect(decision).toEqual([
      {
        type: 'ParentsInformed',
        data: {
          regarding: 'action-suspend-1',
          closesObligationId: 'inform-suspend-1',
          channel: 'phone',
          informedAt: '2026-11-02T16:00:00.000Z',
          informedBy: 'staff-dir-1',
        },
      },
    ]);
    const after = play(pupilConductDecider, [suspend(), informed('action-suspend-1')]);
    expect(given(pupilConductDecider, after).state.informParentsOpen).toEqual({});
  });

  it('leaves the obligation of a second custody open until the parents are informed (M2)', () => {
    const second = custody('2026-11-03T09:00:00.000Z');
    const history = play(pupilConductDecider, [custody('2026-11-02T09:00:00.000Z'), second]);
    expect(Object.keys(given(pupilConductDecider, history).state.informParentsOpen)).toEqual([second.data.custodyId]);
    expect(given(pupilConductDecider, history).when(informed(second.data.custodyId, '2026-11-02T16:30:00.000Z'))).toMatchObject([
      { data: { closesObligationId: second.data.informParentsObligationId } },
    ]);
  });

  it('refuses a notification about something already informed, or that does not exist (M2)', () => {
    const history = play(pupilConductDecider, [warn(), informed('action-warn-1')]);
    expect(given(pupilConductDecider, history).when(informed('action-warn-1'))).toMatchObject({ rule: 'M2', violation: 'conflict' });
    expect(given(pupilConductDecider, []).when(informed('nothing-like-it'))).toMatchObject({ rule: 'M2', violation: 'not-found' });
    // A first offence opens no "inform parents" obligation (M1), so there is nothing to close.
    const first = custody();
    expect(given(pupilConductDecider, play(pupilConductDecider, [first])).when(informed(first.data.custodyId, '2026-11-02T16:00:00.000Z'))).toMatchObject({
      rule: 'M2',
    });
  });

  it('refuses a notification dated in the future (B4)', () => {
    const history = play(pupilConductDecider, [warn()]);
    expect(given(pupilConductDecider, history).when(informed('action-warn-1', '2026-11-03T08:00:00.000Z'))).toMatchObject({ rule: 'B4' });
  });
});
