import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply } from 'fastify';
import { type Observable, map } from 'rxjs';
import type { CommandOutcome } from '@casebook/incidents';
import { respond } from './command-http';

const isOutcome = (value: unknown): value is CommandOutcome =>
  typeof value === 'object' && value !== null && ['accepted', 'refused', 'precondition-failed'].includes((value as { outcome?: unknown }).outcome as string);

/**
 * A command handler returns the write side's `CommandOutcome`; this turns it into the HTTP answer (`respond`: the
 * handler's @HttpCode, ETag, Location, the body; refusals as 403/404/409, a stale If-Match as 412). Inside the
 * idempotency interceptor, so a replay repeats exactly this answer.
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.OK;
    return next.handle().pipe(map((result: unknown) => (isOutcome(result) ? respond(reply, result, status === 201 ? 201 : 200) : result)));
  }
}
