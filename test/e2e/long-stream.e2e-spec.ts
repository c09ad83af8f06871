import { randomUUID } from 'node:crypto';
import { newEventId } from '@casebook/event-store';
import { waitUntil } from '@casebook/testing';
import { describeOnServerStore } from './support/api-harness';

/**
 * Issue #9, faults under load: a case whose stream holds 10,000 events is still read at once. The figure is
 * printed (durations are never asserted on this shared machine); what is asserted is that the answer is whole
 * and that the read comes from the case snapshot plus the events after it, not from a fold of all 10,000.
 */
const EVENTS = 10_000;

describeOnServerStore('a case with 10,000 events', (api) => {
  let incidentId: string;
  let board: string;

  beforeAll(async () => {
    board = await api.token('long-board', ['board'], []);
    const created = await api.post(
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T20:30:00+01:00',
        summary: 'A long-running case',
        involved: [{ personId: 'pupil-long', personKind: 'pupil', role: 'perpetrator' }],
      },
      board,
    );
    expect(created.statusCode).toBe(201);
    incidentId = created.json().id as string;
    const streamId = `pupil-incident-${incidentId}`;
    // Evidence, appended straight to the store in batches: 10,000 HTTP commands would only test patience.
    // The report and its number are revisions 0 and 1 (domain.md "case number").
    for (let revision = 1; revision < EVENTS - 1; revision += 500) {
      const count = Math.min(500, EVENTS - 1 - revision);
      const events = Array.from({ length: count }, (_, i) => ({
        eventId: newEventId(),
        type: 'EvidenceAdded',
        schemaVersion: 1,
        data: {
          evidenceId: randomUUID(),
          description: `Screenshot ${revision + i}`,
          sha256: 'a'.repeat(64),
          mediaType: 'image/png',
          capturedAt: null,
          addedBy: 'long-board',
        },
        metadata: {
          actorId: 'long-board',
          actorRole: 'board',
          schoolId: 'school-1',
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: new Date().toISOString(),
        },
      }));
      await api.runtime().eventStore.appendToStream(streamId, events, { expectedRevision: revision });
    }
  }, 300_000);

  it('answers GET /incidents/{id} whole from a snapshot and the events after it, and prints how long it took', async () => {
    const timings: number[] = [];
    const read = async (revision: number) => {
      const started = performance.now();
      const response = await api.get(`/incidents/${incidentId}`, board);
      timings.push(performance.now() - started);
      expect(response.statusCode).toBe(200);
      const view = response.json() as { revision: number; evidence: { description: string }[]; summary: string };
      expect(view.revision).toBe(revision);
      // Revisions 0 and 1 are the report and its case number; the rest is evidence.
      expect(view.evidence).toHaveLength(revision - 1);
      expect(view.evidence[revision - 2]!.description).toMatch(/^(Screenshot \d+|The last one)$/);
      expect(view.summary).toBe('A long-running case');
      expect(response.headers['etag']).toBe(`"${revision}"`);
    };
    await read(EVENTS - 1);
    // The first read folded all 10,000 events and left a snapshot; sealed, like the events it was folded from.
    const snapshot = async () =>
      (
        await api
          .runtime()
          .sql.query<{ revision: number; view: string }>('SELECT revision, view FROM case_snapshots WHERE stream_id = $1', [`pupil-incident-${incidentId}`])
      )[0];
    await waitUntil(async () => (await snapshot())?.revision === EVENTS - 1, 'the snapshot to be saved');
    expect((await snapshot())!.view).not.toMatch(/Screenshot|long-running/);
    // An event after the snapshot is folded on top of it.
    const commandStarted = performance.now();
    const added = await api.post(`/incidents/${incidentId}/evidence`, { description: 'The last one', sha256: 'b'.repeat(64), mediaType: 'image/png' }, board);
    expect(added.statusCode).toBe(201);
    const commandMs = performance.now() - commandStarted;
    for (let i = 0; i < 5; i += 1) await read(EVENTS);
    // A reader who holds the current revision gets 304 and nothing to open; a stale one gets the case.
    const started = performance.now();
    const unchanged = await api.get(`/incidents/${incidentId}`, board, { 'if-none-match': `"${EVENTS}"` });
    const notModifiedMs = performance.now() - started;
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect((await api.get(`/incidents/${incidentId}`, board, { 'if-none-match': `"${EVENTS - 1}"` })).statusCode).toBe(200);
    const warm = timings.slice(1).sort((a, b) => a - b);
    process.stdout.write(
      `long stream (${api.runtime().config.database.kind}): GET /incidents/{id} over ${EVENTS} events: first ${timings[0]!.toFixed(1)} ms, ` +
        `then median ${warm[Math.floor(warm.length / 2)]!.toFixed(1)} ms, max ${warm[warm.length - 1]!.toFixed(1)} ms (goal: 100 ms); 304 for an unchanged revision ${notModifiedMs.toFixed(1)} ms; ` +
        `a command on it (POST …/evidence) ${commandMs.toFixed(1)} ms\n`,
    );
  }, 120_000);
});
