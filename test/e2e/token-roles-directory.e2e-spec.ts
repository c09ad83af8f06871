import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issued } from '@casebook/incidents';
import { describeOnServerStore } from './support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');

// DIR4 for API clients: with AUTH_TOKEN_ROLES=directory a bearer token says who calls, the directory what they may do.
describeOnServerStore(
  'bearer tokens checked against the directory (DIR4, AUTH_TOKEN_ROLES=directory)',
  (api) => {
    beforeAll(async () => {
      // The first import comes from the operator (as `npm run cli -- directory import` does): nobody can sign in before it.
      const issued: Issued = {
        context: { actor: { id: 'operator-cli', role: 'board', schools: [] }, now: new Date().toISOString() },
        meta: { correlationId: 'bootstrap', causationId: null },
      };
      for (const kind of ['schools', 'staff'] as const)
        expect((await api.runtime().writeSide.directory.import(kind, fixture(kind), issued)).outcome).toBe('imported');
    });

    it('takes roles and schools from the directory, not from the token', async () => {
      // The token claims the board; the directory says director of school-1.
      const claimsBoard = await api.token('staff-dir-1', ['board'], []);
      expect((await api.get('/inspector-notifications', claimsBoard)).statusCode).toBe(403);
      expect((await api.get('/work', claimsBoard)).statusCode).toBe(200);
      const board = await api.token('board-1', ['teacher'], ['school-9']);
      expect((await api.get('/inspector-notifications', board)).statusCode).toBe(200);
    });

    it('refuses a token whose subject the directory does not have as staff, or who left', async () => {
      expect((await api.get('/work', await api.token('nobody-here', ['board'], []))).statusCode).toBe(401);
      const board = await api.token('board-1', ['board'], []);
      const left = fixture('staff').replace('teacher@school-1;2021-08-01;', 'teacher@school-1;2021-08-01;2026-01-31');
      expect((await api.post('/directory/imports/staff', left, board, { 'content-type': 'text/csv' })).json()).toMatchObject({ left: 1 });
      expect((await api.get('/work', await api.token('staff-t-1', ['teacher']))).statusCode).toBe(401);
    });

    it('refuses a token of someone whose employment ended by POST /people/{id}/departure, while the directory still lists them (DIR4, #31)', async () => {
      const director = await api.token('staff-dir-1', ['director']);
      expect((await api.get('/work', director)).statusCode).toBe(200);
      const board = await api.token('board-1', ['board'], []);
      const today = new Date().toISOString().slice(0, 10);
      // A day still to come changes nothing yet; the day it comes, the person no longer acts.
      const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
      expect((await api.post('/people/staff-dir-1/departure', { personKind: 'staff', leftOn: tomorrow }, board)).statusCode).toBe(200);
      expect((await api.get('/work', director)).statusCode).toBe(200);
      expect((await api.post('/people/staff-dir-1/departure', { personKind: 'staff', leftOn: today }, board)).statusCode).toBe(200);
      const refused = await api.get('/work', director);
      expect([refused.statusCode, refused.headers['content-type']]).toEqual([401, expect.stringContaining('application/problem+json')]);
    });
  },
  { env: { AUTH_TOKEN_ROLES: 'directory' } },
);
