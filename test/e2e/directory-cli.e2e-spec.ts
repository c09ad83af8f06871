import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@casebook/platform';
import { directoryCommand } from '../../apps/cli/src/directory.command';

// DIR2 from the command line: `npm run cli -- directory import <kind> <file>` does what POST /directory/imports does.
describe('npm run cli -- directory import (DIR2)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-directory-cli-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const fixtures = join(__dirname, '..', 'fixtures', 'directory');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await directoryCommand(args, config, (line) => lines.push(line));
    return { code, lines };
  };

  it('imports a file, then finds nothing changed on a second run; a bad file is listed by line and imports nothing', async () => {
    expect(await run('import', 'schools', join(fixtures, 'schools.csv'))).toEqual({ code: 0, lines: ['schools: 2 created, 0 changed, 0 left, 0 unchanged'] });
    expect(await run('import', 'schools', join(fixtures, 'schools.csv'))).toEqual({ code: 0, lines: ['schools: 0 created, 0 changed, 0 left, 2 unchanged'] });
    const bad = join(dataDir, 'bad-pupils.csv');
    writeFileSync(bad, 'personId,name,dateOfBirth,schoolId,group,enrolledOn\npupil-1,Daan,2015-03-14,school-9,groep 6,2019-08-20\n');
    expect(await run('import', 'pupils', bad)).toEqual({
      code: 1,
      lines: ['line 2, schoolId: school school-9 is not in the directory: import the schools file first', '1 problem(s); nothing was imported'],
    });
    expect((await run('import', 'teachers', bad)).code).toBe(2);
    expect((await run('import', 'pupils', join(dataDir, 'missing.csv'))).code).toBe(2);
  });
});
