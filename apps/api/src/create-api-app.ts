import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { runMigrations, softwareVersion } from '@casebook/platform';
import type { Runtime } from '@casebook/runtime';
import { ApiModule } from './api.module';
import { IDEMPOTENCY_MIGRATIONS } from './idempotency/idempotency.migrations';
import { RevealPersonalDataInterceptor } from './http/reveal-personal-data.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { problemValidationPipe } from './http/problem-validation.pipe';
import { NestPinoLogger } from './http/nest-pino.logger';
import { useStrictJsonParser } from './http/json-body.parser';
import { useCsvBodyParser } from './http/csv-body.parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { CONSOLE_DIR } from './console/home.controller';
import { HEADER_LIMIT_BYTES, registerHttpSecurity } from './http/http-security';
import { cutOffSlowBodies } from './http/body-timeout';
import { judgeUploadsBeforeTheirBody } from './http/upload-gate';
import { BearerAuthGuard } from './auth/bearer-auth.guard';

/** api.md: bodies over 1 MiB are refused with 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP app on a runtime; main.ts listens on it, e2e tests inject requests into it. */
export async function createApiApp(runtime: Runtime): Promise<NestFastifyApplication> {
  await runMigrations(runtime.sql, 'api', IDEMPOTENCY_MIGRATIONS);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Headers not received in full within REQUEST_TIMEOUT_MS are answered 408 by Node (checked every tenth of it, at
    // most every second); the body's own deadline is cutOffSlowBodies' (#31).
    http: { maxHeaderSize: HEADER_LIMIT_BYTES, connectionsCheckingInterval: Math.min(1_000, runtime.config.http.requestTimeoutMs / 10) },
    requestTimeout: runtime.config.http.requestTimeoutMs,
    // Fastify logs nothing (and so no request lines of its own); our onResponse hook logs method, route, status and
    // duration only. Never headers (tokens) or bodies (names, narratives).
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRuntime(runtime), adapter, {
    logger: new NestPinoLogger(runtime.logger),
    // Fastify's own JSON parser (body limit, __proto__/constructor refused) is the only one; Nest's would add a
    // form parser, and a form is not JSON (415).
    bodyParser: false,
  });
  await registerHttpSecurity(app, runtime);
  // The console's scripts and styles (issue #19): hashed names, so a year's caching is safe; nothing personal in them.
  // preCompressed: the build wrote .br and .gz beside each (apps/console/vite.config.mts), sent by Accept-Encoding.
  if (existsSync(join(CONSOLE_DIR, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(CONSOLE_DIR, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
      preCompressed: true,
    });
  }
  await app.register(fastifyCookie);
  app.useGlobalFilters(new ProblemDetailsFilter(runtime.logger));
  app.useGlobalPipes(problemValidationPipe());
  app.useGlobalInterceptors(new RevealPersonalDataInterceptor(runtime.reveal, app.get(Reflector)));

  const fastify = app.getHttpAdapter().getInstance();
  cutOffSlowBodies(fastify, runtime.config.http.requestTimeoutMs);
  judgeUploadsBeforeTheirBody(fastify, app.get(BearerAuthGuard));
  // api.md: JSON in; anything else is 415. Fastify would otherwise hand plain text to the validators (400).
  fastify.removeContentTypeParser('text/plain');
  useStrictJsonParser(fastify);
  useCsvBodyParser(fastify);
  // The sign-in pages' forms (a few bytes: a person id, a CSRF token); every other route takes JSON only (415).
  const FORM_ROUTES = new Set(['/auth/dev-login', '/auth/logout']);
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (request, body, done) => {
    if (!FORM_ROUTES.has(request.url.split('?')[0]!)) done(Object.assign(new Error('Bodies are JSON (application/json)'), { statusCode: 415 }), undefined);
    else done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    runtime.logger.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  const openApi = new DocumentBuilder()
    .setTitle('Casebook API')
    .setDescription("Incident case management under the board's internet and social media protocol. Contract: shared/spec/api.md.")
    .setVersion(softwareVersion())
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
  await app.init();
  await fastify.ready();
  return app;
}
