import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Runtime } from '@casebook/runtime';
import { bearerTokenOf } from '../auth/bearer-auth.guard';

/** Node's limit on a request's header block, stated rather than inherited: beyond it Node answers 431. */
export const HEADER_LIMIT_BYTES = 16 * 1024;
/** Routes an operator's probes call: never rate limited. */
const UNLIMITED = /^\/health\//;

/**
 * Security headers (helmet: HSTS, nosniff, frame-ancestors none, a strict referrer policy, …) and per-actor rate
 * limiting: RATE_LIMIT_PER_MINUTE requests a minute per verified token subject, or per client address for
 * requests without a valid token; beyond it 429 with Retry-After. Keyed on the *verified* subject, so nobody can
 * spend someone else's allowance by writing their id into an unsigned token.
 */
export async function registerHttpSecurity(app: NestFastifyApplication, runtime: Runtime): Promise<void> {
  await app.register(helmet, {
    // JSON and PDF answers need no scripts; the OpenAPI page at /docs needs its own scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const max = runtime.config.http.rateLimitPerMinute;
  if (max === 0) return;
  await app.register(rateLimit, {
    max,
    timeWindow: 60_000,
    hook: 'onRequest',
    allowList: (request) => UNLIMITED.test(request.url),
    keyGenerator: (request) => actorKey(request, runtime),
  });
}

async function actorKey(request: FastifyRequest, runtime: Runtime): Promise<string> {
  const token = bearerTokenOf(request.headers.authorization);
  if (token) {
    try {
      return `actor:${(await runtime.tokens.verify(token)).id}`;
    } catch {
      // An invalid token counts against the address it came from; the guard answers it 401.
    }
  }
  return `address:${request.ip}`;
}
