import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAuthorizationDoc } from './access-policy.markdown';

// `npm run docs:authorization`: docs/authorization.md from the authorization table (run from the repository root).
const target = join(process.cwd(), 'docs', 'authorization.md');
writeFileSync(target, renderAuthorizationDoc());
process.stdout.write(`wrote ${target}\n`);
