/**
 * The soak's load (a child of soak.ts, so its own work does not count against the server): 8 clients for the given
 * minutes, each looping over a mix — report a case (40%), take a measure and inform the parents (15%), read the
 * case (20%), the pupil file (10%), the timeline (10%), and a refused request (5%: wrong role). Prints totals.
 */
import { mintDevToken } from '@casebook/access';

const [portArg, minutesArg] = process.argv.slice(2);
const base = `http://127.0.0.1:${portArg}`;
const until = Date.now() + Number(minutesArg) * 60_000;
const SECRET = 'soak-secret-soak-secret-soak-secret-000';

async function main(): Promise<void> {
  const secret = new TextEncoder().encode(SECRET);
  const director = await mintDevToken(secret, { sub: 'soak-director', roles: ['director'], schools: ['school-1'], expiresInSeconds: 24 * 3600 });
  const teacher = await mintDevToken(secret, { sub: 'soak-teacher', roles: ['teacher'], schools: ['school-1'], expiresInSeconds: 24 * 3600 });
  const statuses = new Map<number, number>();
  const cases: { id: string; pupil: string }[] = [];
  let n = 0;
  const call = async (method: string, path: string, bearer: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return { status: response.status, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const client = async () => {
    while (Date.now() < until) {
      const i = (n += 1);
      const pick = i % 20;
      const known = cases.length ? cases[i % cases.length]! : undefined;
      if (pick < 8 || !known) {
        const pupil = `soak-pupil-${i % 5000}`;
        const created = await call('POST', '/incidents', director, {
          type: 'pupil-incident',
          schoolId: 'school-1',
          category: 'cyberbullying',
          occurredAt: '2026-11-24T10:00:00+01:00',
          summary: `Messages in the class chat, round ${i}`,
          involved: [{ personId: pupil, personKind: 'pupil', role: 'perpetrator', displayName: `Pupil ${i % 5000}` }],
        });
        if (created.status === 201 && cases.length < 2000) cases.push({ id: created.json()['id'] as string, pupil });
      } else if (pick < 11) {
        const measure = await call('POST', `/incidents/${known.id}/measures`, director, { subjectId: known.pupil, measure: 'warning', reason: `Round ${i}` });
        if (measure.status === 201) {
          await call('POST', `/incidents/${known.id}/parent-notifications`, director, {
            regarding: measure.json()['id'],
            channel: 'letter',
            informedAt: new Date().toISOString(),
          });
        }
      } else if (pick < 15) await call('GET', `/incidents/${known.id}`, director);
      else if (pick < 17) await call('GET', `/pupils/${known.pupil}/file`, director);
      else if (pick < 19) await call('GET', `/incidents/${known.id}/timeline`, director);
      else await call('GET', '/access-log?subjectId=soak-pupil-1', teacher);
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  process.stdout.write(`load: ${n} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`);
}

void main();
