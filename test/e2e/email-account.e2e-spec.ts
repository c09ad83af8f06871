import { describeOnServerStore } from './support/api-harness';

// The school e-mail account over HTTP (api.md; E1–E3), on both stores.
describeOnServerStore('school e-mail account over HTTP', (api) => {
  let director: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    // E4: pupil-7's parents agreed to the mailbox.
    expect(
      (await api.post('/pupils/pupil-7/consents', { schoolId: 'school-1', purpose: 'mailbox', decision: 'given', givenBy: 'parents' }, director)).statusCode,
    ).toBe(200);
  });

  it("refuses a suspension or a warning about an account without the parents' mailbox consent, nothing appended (E4)", async () => {
    const before = await api.eventCount();
    const suspension = await api.post(
      '/pupils/pupil-no-mailbox/email-account/suspensions',
      { schoolId: 'school-1', ground: 'bullying', until: future, reason: 'x' },
      director,
    );
    expect(suspension.json()).toMatchObject({ status: 409, rule: 'E4' });
    expect((await api.post('/pupils/pupil-no-mailbox/email-account/warnings', { schoolId: 'school-1', reason: 'x' }, director)).json()).toMatchObject({
      status: 409,
      rule: 'E4',
    });
    expect(await api.eventCount()).toBe(before);
  });

  const post = (path: string, payload: object) => api.post(`/pupils/pupil-7/email-account/${path}`, payload, director);
  const events = async () => (await api.runtime().eventStore.readStream('pupil-conduct-pupil-7')).map((e) => e.type);
  const future = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

  it('suspends the account with ground and end date and answers the "inform parents" obligation (E1, E2)', async () => {
    const response = await post('suspensions', { schoolId: 'school-1', ground: 'bullying', until: future, reason: 'Threats to a classmate' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ id: expect.any(String), revision: 0, informParentsObligationId: expect.any(String) });
    expect(await events()).toEqual(['EmailAccountSuspended']);
  });

  it('warns about less serious misuse (E3)', async () => {
    const response = await post('warnings', { schoolId: 'school-1', reason: 'Chain mail to the class' });
    expect(response.statusCode).toBe(201);
    expect(await events()).toEqual(['EmailAccountSuspended', 'EmailUseWarned']);
  });

  it('refuses an end date in the past with 409 naming E1, and an unknown ground with 400', async () => {
    const past = await post('suspensions', { schoolId: 'school-1', ground: 'bullying', until: '2020-01-01', reason: 'x' });
    expect(past.statusCode).toBe(409);
    expect(past.json()).toMatchObject({ rule: 'E1' });
    const ground = await post('suspensions', { schoolId: 'school-1', ground: 'boredom', until: future, reason: 'x' });
    expect(ground.statusCode).toBe(400);
    expect(ground.json().errors).toContainEqual(expect.objectContaining({ field: 'ground' }));
    expect(await events()).toEqual(['EmailAccountSuspended', 'EmailUseWarned']);
  });
});
