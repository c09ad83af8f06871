import { describeOnServerStore } from './support/api-harness';

// POST /device-custody/{custodyId}/return (M6) and parents informed about a custody or account action (M2, E2).
describeOnServerStore('device return and parent notifications about conduct over HTTP', (api) => {
  let director: string;
  let otherDirector: string;
  let board: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
    otherDirector = await api.token('staff-dir-9', ['director'], ['school-9']);
    board = await api.token('board-1', ['board'], []);
  });

  const custody = { schoolId: 'school-1', device: 'phone', conditionChecked: { damage: 'none', working: true }, pupilPresent: true, switchedOff: true };
  const take = async (pupilId: string) => {
    const response = await api.post(`/pupils/${pupilId}/device-custody`, custody, director);
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; informParentsObligationId?: string };
  };
  const now = () => new Date().toISOString();

  it('returns a device once, to the pupil or a parent, by the director of its school or the board (M6)', async () => {
    const { id } = await take('pupil-return-1');
    const before = await api.eventCount();
    expect((await api.post(`/device-custody/${id}/return`, { returnedTo: 'pupil', returnedAt: now() }, otherDirector)).json()).toMatchObject({
      status: 403,
      rule: 'ROLE',
    });
    expect(await api.eventCount()).toBe(before);
    const returned = await api.post(`/device-custody/${id}/return`, { returnedTo: 'pupil', returnedAt: now() }, director);
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ id, revision: 1 });
    expect((await api.post(`/device-custody/${id}/return`, { returnedTo: 'parent', returnedAt: now() }, board)).json()).toMatchObject({
      status: 409,
      rule: 'M6',
    });
    const stream = await api.runtime().eventStore.readStream('pupil-conduct-pupil-return-1');
    expect(stream.map((e) => e.type)).toEqual(['DeviceTakenIntoCustody', 'DeviceReturned']);
  });

  it('lets a teacher take a phone at the moment it happened, and records its early return as early (TC1, M1, FACT1)', async () => {
    const teacher = await api.token('staff-teacher-1', ['teacher'], ['school-1']);
    const takenAt = '2026-11-02T08:30:00.000Z'; // a Monday, 09:30 in Amsterdam: kept until 15:00 (M1); recorded now
    const taken = await api.post('/pupils/pupil-return-3/device-custody', { ...custody, takenAt }, teacher);
    expect(taken.statusCode).toBe(201);
    const { id, custodyUntil } = taken.json() as { id: string; custodyUntil: string };
    const stream = await api.runtime().eventStore.readStream('pupil-conduct-pupil-return-3');
    expect(stream[0]!.data).toMatchObject({ takenAt });
    expect(custodyUntil).toBe('2026-11-02T14:00:00.000Z');
    // Given back ten minutes after it was taken: before it was recorded, and before its due time — a fact, recorded.
    const returnedAt = '2026-11-02T08:40:00.000Z';
    const returned = await api.post(`/device-custody/${id}/return`, { returnedTo: 'pupil', returnedAt }, director);
    expect(returned.statusCode).toBe(200);
    const done = (await api.get(`/obligations?status=done&waitForPosition=${returned.json().position}`, director)).json().items as {
      regarding: string;
      kind: string;
      timing: string;
    }[];
    expect(done.find((o) => o.regarding === id && o.kind === 'device-return')).toMatchObject({ timing: 'before-due', closedAt: returnedAt });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const before = await api.eventCount();
    expect((await api.post('/pupils/pupil-return-3/device-custody', { ...custody, takenAt: future }, teacher)).json()).toMatchObject({
      status: 409,
      rule: 'B4',
    });
    expect((await api.post('/pupils/pupil-return-3/device-custody', { ...custody, takenAt: 'yesterday' }, teacher)).statusCode).toBe(400);
    expect(await api.eventCount()).toBe(before);
  });

  it('answers 404 for an unknown custody and 400 for an id that is not a UUID', async () => {
    expect(
      (await api.post('/device-custody/0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b/return', { returnedTo: 'pupil', returnedAt: now() }, director)).statusCode,
    ).toBe(404);
    expect((await api.post('/device-custody/custody-1/return', { returnedTo: 'pupil', returnedAt: now() }, director)).statusCode).toBe(400);
    const { id } = await take('pupil-return-2');
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.post(`/device-custody/${id}/return`, { returnedTo: 'pupil', returnedAt: future }, director)).json()).toMatchObject({
      status: 409,
      rule: 'B4',
    });
  });

  it('closes the "inform parents" obligation of a second custody and of an e-mail warning through a case (M2, E3)', async () => {
    const incident = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'phone-violation',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Phone used in class',
        involved: [{ personId: 'pupil-notify', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    const incidentId = incident.json().id as string;
    await take('pupil-notify');
    const second = await take('pupil-notify');
    expect(second.informParentsObligationId).toEqual(expect.any(String));
    const notify = (regarding: string, bearer = director) =>
      api.post(`/incidents/${incidentId}/parent-notifications`, { regarding, channel: 'phone', informedAt: now() }, bearer);
    expect((await notify(second.id, otherDirector)).json()).toMatchObject({ status: 403, rule: 'ROLE' });
    const informed = await notify(second.id);
    expect(informed.statusCode).toBe(200);
    expect(informed.json()).toMatchObject({ id: second.id, incidentId, revision: 2 });
    expect((await notify(second.id)).json()).toMatchObject({ status: 409, rule: 'M2' });

    expect(
      (await api.post('/pupils/pupil-notify/consents', { schoolId: 'school-1', purpose: 'mailbox', decision: 'given', givenBy: 'parents' }, director))
        .statusCode,
    ).toBe(200); // E4
    const warning = await api.post('/pupils/pupil-notify/email-account/warnings', { schoolId: 'school-1', reason: 'Chain mail' }, director);
    expect((await notify(warning.json().id)).statusCode).toBe(200);
    expect((await notify('0f8e2c1a-5b7d-4e3f-9a1b-2c3d4e5f6a7b')).statusCode).toBe(404);
    const types = (await api.runtime().eventStore.readStream('pupil-conduct-pupil-notify')).map((e) => e.type);
    expect(types).toEqual(['DeviceTakenIntoCustody', 'DeviceTakenIntoCustody', 'ParentsInformed', 'EmailUseWarned', 'ParentsInformed']);
  });
});
