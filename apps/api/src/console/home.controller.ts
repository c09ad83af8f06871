import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/** The repository (or installed) root: the nearest folder up from here holding package.json. */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** Where `npm run build` puts the console (apps/console, Vite): index.html and hashed assets/. */
export const CONSOLE_DIR = join(packageRoot(__dirname), 'dist', 'console');

/**
 * The console's paths (apps/console/src/routes.ts says what each shows). None holds anything personal: a case is its
 * random UUID, and a pupil or staff member is chosen on the page, never put in the address.
 */
export const CONSOLE_PATHS = [
  '/',
  'zaken',
  'zaken/:caseId',
  'melden',
  'toestellen',
  'leerlingen',
  'personeel',
  'besluiten',
  'inspecteur',
  'statistiek',
  'toegang',
  'bewaartermijnen',
];

let cachedPage: string | undefined;

/** The console's one page (index.html of the build), or undefined when the console is not built. */
export function consolePage(): string | undefined {
  cachedPage ??= existsSync(join(CONSOLE_DIR, 'index.html')) ? readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8') : undefined;
  return cachedPage;
}

/**
 * The console's pages (issue #19; api.md "Console"): every path of the web application answers its one page, which
 * then reads and writes only through the API. `no-store`: a page shows dossiers, and a shared computer's back button
 * or cache must not show them to the next person.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Get(CONSOLE_PATHS)
  console(@Res() reply: FastifyReply): void {
    const page = consolePage();
    if (!page) throw new ServiceUnavailableException({ detail: 'The console is not built: run npm run build (npm start does)' });
    void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  }
}
