import { describeOnServerStore } from './support/api-harness';

// Domain.md "case number" (revision 2): `<year>-<sequence>`, unique and gap-free in the order cases were numbered,
// also when many are reported at once. The year's counter is a stream whose n-th event is number n.
describeOnServerStore('case numbers (revision 2)', (api) => {
  let director: string;

  beforeAll(async () => {
    director = await api.token('staff-dir-1', ['director']);
  });

  const report = (n: number) =>
    api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'phone-violation',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: `Phone in class ${n}`,
        involved: [{ personId: `pupil-number-${n}`, personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );

  it('gives 50 reports at once 50 distinct numbers, consecutive on the counter, each recorded on its case', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, n) => report(n)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const answered = responses.map((r) => r.json() as { id: string; caseNumber: string });
    const numbers = answered.map((a) => a.caseNumber);
    expect(new Set(numbers).size).toBe(50);
    for (const number of numbers) expect(number).toMatch(/^\d{4}-\d{4,}$/);
    const year = Number(numbers[0]!.slice(0, 4));
    expect(numbers.every((number) => number.startsWith(`${year}-`))).toBe(true);

    // The counter is gap-free: sequence n is its n-th event, and every number names a case that exists.
    const counter = await api.runtime().eventStore.readStream(`case-numbers-${year}`);
    const assigned = counter.map((e) => e.data as { incidentId: string; sequence: number; caseNumber: string });
    expect(assigned.map((a) => a.sequence)).toEqual(assigned.map((_, i) => i + 1));
    expect(new Set(assigned.map((a) => a.incidentId)).size).toBe(assigned.length);
    for (const a of answered) expect(assigned.filter((entry) => entry.incidentId === a.id).map((entry) => entry.caseNumber)).toEqual([a.caseNumber]);
    // Ours are consecutive, but for numbers other suites' reports took meanwhile (the shared server): those are real cases too.
    const sequences = numbers.map((n) => Number(n.slice(5))).sort((a, b) => a - b);
    const ours = new Set(answered.map((a) => a.id));
    const between = assigned.filter((a) => a.sequence >= sequences[0]! && a.sequence <= sequences.at(-1)!);
    expect(between.filter((a) => ours.has(a.incidentId))).toHaveLength(50);
    for (const other of between.filter((a) => !ours.has(a.incidentId))) {
      expect((await api.get(`/incidents/${other.incidentId}`, await api.token('board-1', ['board'], []))).statusCode).toBe(200);
    }

    // Each case records its own number, and shows it.
    const [first] = answered;
    const stream = await api.runtime().eventStore.readStream(`pupil-incident-${first!.id}`);
    expect(stream.map((e) => e.type)).toEqual(['IncidentReported', 'CaseNumbered']);
    expect((await api.get(`/incidents/${first!.id}`, director)).json()).toMatchObject({ id: first!.id, caseNumber: first!.caseNumber });
  }, 300_000);

  it('numbers no refused report: a refusal takes no number', async () => {
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date());
    const before = (await api.runtime().eventStore.readStream(`case-numbers-${year}`)).length;
    const refused = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'phone-violation',
        occurredAt: '2099-01-01T00:00:00Z',
        summary: 'Future',
        involved: [{ personId: 'pupil-future', personKind: 'pupil', role: 'perpetrator' }],
      },
      director,
    );
    expect(refused.json()).toMatchObject({ status: 409, rule: 'B4' });
    const after = await api.runtime().eventStore.readStream(`case-numbers-${year}`);
    // Another suite may have numbered a real case meanwhile; none of the new numbers is for a case that does not exist.
    for (const event of after.slice(before)) {
      const { incidentId } = event.data as { incidentId: string };
      expect((await api.get(`/incidents/${incidentId}`, await api.token('board-1', ['board'], []))).statusCode).toBe(200);
    }
  });
});
