import { configureProcessOrExit } from '@casebook/platform';
import { auditCommand } from './audit.command';
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
    default:
      process.stderr.write('usage: npm run cli -- projections status | projections rebuild <name|all> [--batch-size <events>]\n');
      process.stderr.write('usage: npm run cli -- privacy forget <personId> --reason "..." | privacy retention [--dry-run]\n');
      process.stderr.write('usage: npm run cli -- audit verify <bundle.json> [--public-key <key.pem>] | audit verify-store\n');
      process.stderr.write('usage: npm run cli -- token --role <role[,role]> --sub <personId> [--schools s1,s2] [--name "..."] [--hours 8]\n');
      process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
