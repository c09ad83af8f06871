import { UseGuards, UseInterceptors, applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { CommandAnswerInterceptor } from './command-answer.interceptor';

/**
 * What every command controller shares (api.md, Conventions): bearer auth, `If-Match`, `Idempotency-Key`, the
 * write side's outcome as the HTTP answer, and the problem answers a command can get, documented once.
 */
export function CommandEndpoints(tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision (ETag) you decided on; 412 if it moved on. Without it, conflicts are retried by the server',
    }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body again: the first response, nothing appended; other body: 422' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: "Kept in the events' metadata (8–64 letters, digits, - or _)" }),
    ApiBadRequestResponse({ description: 'Invalid input: problem+json with `errors: [{ field, message }]`' }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: 'Wrong role or school (`rule` names the rule when a domain rule says so)' }),
    ApiConflictResponse({ description: 'A domain rule refuses the command: `rule` names it (closed case: CLOSED)' }),
    ApiPreconditionFailedResponse({ description: 'If-Match names a revision the stream has moved on from' }),
    ApiPayloadTooLargeResponse({ description: 'Body over 1 MiB' }),
    ApiUnsupportedMediaTypeResponse({ description: 'Not application/json' }),
    ApiUnprocessableEntityResponse({ description: 'Idempotency-Key reused with another body' }),
    UseGuards(BearerAuthGuard),
    // Outer first: a replayed key answers what the command answered.
    UseInterceptors(IdempotencyInterceptor, CommandAnswerInterceptor),
  );
}
