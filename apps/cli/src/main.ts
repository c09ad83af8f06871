import { DataDirInUseError, EXIT_IN_USE, configureProcessOrExit } from '@casebook/platform';
import { auditCommand } from './audit.command';
import { demoCommand } from './demo.command';
import { directoryCommand } from './directory.command';
import { privacyCommand } from './privacy.command';
import { projectionsCommand } from './projections.command';
import { tokenCommand } from './token.command';

/** Operator commands: `npm run cli -- <command> ...`. More come with their issues (projections, audit, privacy). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const { config } = configureProcessOrExit('casebook-cli');
  switch (command) {
    case 'token':
      process.stdout.write(`${await tokenCommand(args, config)}\n`);
      return;
    case 'projections':
      process.exitCode = await projectionsCommand(args, config, (line) => process.stdout.write(`${line}\n`));
      return;
    case 'audit':
      process.exitCode = await auditCommand(args, config, (line) => process.stdout.write(`${line}\n`));
      return;
    case 'privacy':
      process.exitCode = await privacyCommand(args, config, (line) => process.stdout.write(`${line}\n`));
      return;
    case 'demo':
      process.exitCode = await demoCommand(args, config, (line) => process.stdout.write(`${line}\n`));
      return;
    case 'directory':
      process.exitCode = await directoryCommand(args, config, (line) => process.stdout.write(`${line}\n`));
      return;
    default:
      process.stderr.write('usage: npm run cli -- projections status | projections rebuild <name|all> [--batch-size <events>]\n');
      process.stderr.write('usage: npm run cli -- privacy forget <personId> --reason "..." | privacy retention [--dry-run]\n');
      process.stderr.write('usage: npm run cli -- audit verify <bundle.json> [--public-key <key.pem>] | audit verify-store\n');
      process.stderr.write('usage: npm run cli -- demo seed\n');
      process.stderr.write('usage: npm run cli -- directory import <schools|staff|pupils|parents> <file.csv>\n');
      process.stderr.write('usage: npm run cli -- token --role <role[,role]> --sub <personId> [--schools s1,s2] [--name "..."] [--hours 8]\n');
      process.exitCode = 2;
  }
}

/** What an operator can do instead while the api holds the embedded data directory. */
function whileInUse(args: readonly string[]): string {
  const [command, action] = args;
  if (command === 'privacy' && action === 'forget') return 'Stop it first, or while it runs use the API: POST /people/{personId}/erasure (board, legal).';
  if (command === 'privacy')
    return 'Stop it first, or while it runs use the API: GET /privacy/retention shows who is due; the api runs the retention job itself (RETENTION_INTERVAL_HOURS).';
  if (command === 'directory') return 'Stop it first, or while it runs use the API: POST /directory/imports/{kind} with the file as text/csv (board).';
  return 'Stop it first: this command needs the data directory to itself.';
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    // Refused before anything was read or written: acknowledging work the running api would never see loses it.
    process.stderr.write(`${error.message}.\n${whileInUse(process.argv.slice(2))}\n`);
    process.exit(EXIT_IN_USE);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
