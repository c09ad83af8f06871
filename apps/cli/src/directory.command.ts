import { readFileSync } from 'node:fs';
import type { AppConfig } from '@casebook/platform';
import { DIRECTORY_FILE_KINDS, type DirectoryFileKind, type Issued } from '@casebook/incidents';
import { withRuntime } from './cli-runtime';

const USAGE = `usage: npm run cli -- directory import <${DIRECTORY_FILE_KINDS.join('|')}> <file.csv>`;

/** The operator importing the administration's export: with the board's authority (api.md: the board imports). */
const OPERATOR = { id: 'operator-cli', role: 'board' as const, schools: [] };

/** `directory import <kind> <file>` (DIR2): the same import as POST /directory/imports/{kind}. */
export async function directoryCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  const [action, kind, file] = args;
  if (action !== 'import' || !DIRECTORY_FILE_KINDS.includes(kind as DirectoryFileKind) || !file || args.length !== 3) {
    out(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    out(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  return withRuntime(config, async (runtime) => {
    const issued: Issued = { context: { actor: OPERATOR, now: new Date().toISOString() }, meta: { correlationId: 'cli-directory-import', causationId: null } };
    const outcome = await runtime.writeSide.directory.import(kind as DirectoryFileKind, text, issued);
    if (outcome.outcome === 'invalid') {
      for (const error of outcome.errors) out(`line ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.message}`);
      out(
        `${outcome.errorCount} problem(s)${outcome.errorCount > outcome.errors.length ? ` (the first ${outcome.errors.length} shown)` : ''}; nothing was imported`,
      );
      return 1;
    }
    if (outcome.outcome === 'conflict') {
      out(`${outcome.rows} people changed in the directory meanwhile; the rest is recorded: run it again`);
      return 1;
    }
    if (outcome.outcome === 'forbidden') throw new Error("The CLI imports with the board's authority");
    out(
      `${kind}: ${outcome.created} created, ${outcome.changed} changed, ${outcome.left} left, ${outcome.unchanged} unchanged${outcome.erased ? `, ${outcome.erased} erased (not brought back)` : ''}`,
    );
    return 0;
  });
}
