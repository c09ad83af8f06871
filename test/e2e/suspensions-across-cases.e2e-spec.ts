import { newEventId } from '@casebook/event-store';
import { describeOnServerStore } from './support/api-harness';
import { expectRefusal } from './support/refused';

// P5 (domain.md revision 2): "a suspension that starts on or before the school day after another one of the same
// pupil ends is refused when together they exceed five school days" — of the same pupil, in whichever case. Before,
// each case counted only its own suspensions: a second case gave the pupil another week (decisions #81).
describeOnServerStore('suspensions of one pupil across cases (P5)', (api) => {
  let director: string;
  let board: string;

  beforeAll(async () => {
    director = await api.token('dir-p5x', ['director']);
    board = await api.token('board-p5x', ['board'], []);
  });

  const newCase = async (pupilId: string): Promise<string> => {
    const response = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Dreigberichten',
        involved: [{ personId: pupilId, personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const suspend = (incidentId: string, pupilId: string, startsOn: string, endsOn: string) =>
    api.post(`/incidents/${incidentId}/measures`, { subjectId: pupilId, measure: 'suspension', reason: 'Dreigde', startsOn, endsOn }, director);
  const suspensionsOn = async (incidentId: string) =>
    (await api.runtime().eventStore.readStream(`pupil-incident-${incidentId}`)).filter(
      (e) => e.type === 'MeasureImposed' && (e.data as { measure: string }).measure === 'suspension',
    );

  it("refuses a suspension in a second case that follows the first case's and together exceeds five school days (P5)", async () => {
    const [first, second] = [await newCase('pupil-p5x-1'), await newCase('pupil-p5x-1')];
    expect((await suspend(first, 'pupil-p5x-1', '2026-11-09', '2026-11-11')).statusCode).toBe(201); // Monday–Wednesday
    const problem = await expectRefusal(
      api,
      `/incidents/${second}/measures`,
      { subjectId: 'pupil-p5x-1', measure: 'suspension', reason: 'Dreigde', startsOn: '2026-11-12', endsOn: '2026-11-16' },
      director,
      409,
      'P5',
    );
    expect(problem['detail']).toContain(first);
    await expectRefusal(
      api,
      `/incidents/${second}/measures`,
      { subjectId: 'pupil-p5x-1', measure: 'suspension', reason: 'Dreigde', startsOn: '2026-11-11', endsOn: '2026-11-11' },
      director,
      409,
      'P5',
    ); // overlapping
    // Five school days in all are allowed, and a suspension with a school day between starts a new week.
    expect((await suspend(second, 'pupil-p5x-1', '2026-11-12', '2026-11-13')).statusCode).toBe(201);
    expect((await suspend(second, 'pupil-p5x-1', '2026-11-17', '2026-11-17')).statusCode).toBe(201);
  });

  it('counts a withdrawn suspension no longer: the other case may then suspend (P5, COR1)', async () => {
    const [first, second] = [await newCase('pupil-p5x-2'), await newCase('pupil-p5x-2')];
    const suspension = await suspend(first, 'pupil-p5x-2', '2026-11-09', '2026-11-13');
    expect(suspension.statusCode).toBe(201);
    expect((await suspend(second, 'pupil-p5x-2', '2026-11-16', '2026-11-16')).json()).toMatchObject({ status: 409, rule: 'P5' });
    expect((await api.post(`/incidents/${first}/withdrawals`, { withdrawnId: suspension.json().id, rationale: 'Bezwaar gegrond' }, board)).statusCode).toBe(
      201,
    );
    expect((await suspend(second, 'pupil-p5x-2', '2026-11-16', '2026-11-16')).statusCode).toBe(201);
  });

  it('of two suspensions decided at the same moment in two cases that together exceed five school days, accepts exactly one (P5)', async () => {
    for (let round = 0; round < 5; round++) {
      const pupilId = `pupil-p5x-race-${round}`;
      const [a, b] = [await newCase(pupilId), await newCase(pupilId)];
      const answers = await Promise.all([suspend(a, pupilId, '2026-11-09', '2026-11-11'), suspend(b, pupilId, '2026-11-12', '2026-11-16')]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({ rule: 'P5' });
      expect((await suspensionsOn(a)).length + (await suspensionsOn(b)).length).toBe(1);
    }
  });

  it('releases a booking a failed command left without its suspension, once it has settled; a fresh one still counts (P5)', async () => {
    const pupilId = 'pupil-p5x-crash';
    const incidentId = await newCase(pupilId);
    // What a crash between the two appends leaves: a booking on the pupil's stream, nothing on the case.
    const leaveBooking = (measureId: string, bookedAt: string, startsOn: string, endsOn: string) =>
      api.runtime().eventStore.appendToStream(
        `pupil-conduct-${pupilId}`,
        [
          {
            eventId: newEventId(),
            type: 'SuspensionBooked',
            schemaVersion: 1,
            data: { measureId, incidentId, pupilId, schoolId: 'school-1', startsOn, endsOn, bookedAt },
            metadata: { actorId: 'dir-p5x', actorRole: 'director', schoolId: 'school-1', correlationId: 'crash', causationId: null, occurredAt: bookedAt },
          },
        ],
        { expectedRevision: 'any' },
      );
    await leaveBooking('0f8e2c1a-5b7d-4e3f-9a1b-000000000001', new Date(Date.now() - 10 * 60_000).toISOString(), '2026-11-09', '2026-11-13');
    expect((await suspend(incidentId, pupilId, '2026-11-09', '2026-11-13')).statusCode).toBe(201);
    const conduct = await api.runtime().eventStore.readStream(`pupil-conduct-${pupilId}`);
    expect(conduct.map((e) => e.type)).toEqual(['SuspensionBooked', 'SuspensionBookingReleased', 'SuspensionBooked']);
    expect(conduct[1]!.data).toEqual({ measureId: '0f8e2c1a-5b7d-4e3f-9a1b-000000000001', reason: 'not-recorded' });

    // A booking just made may be a command still on its way to its case: it counts.
    await leaveBooking('0f8e2c1a-5b7d-4e3f-9a1b-000000000002', new Date(Date.now() + 10 * 60_000).toISOString(), '2026-11-23', '2026-11-27');
    expect((await suspend(incidentId, pupilId, '2026-11-30', '2026-11-30')).json()).toMatchObject({ status: 409, rule: 'P5' });
    expect((await suspend(incidentId, pupilId, '2026-12-01', '2026-12-01')).statusCode).toBe(201); // a school day between
  });
});
