import { createHash, randomUUID } from 'node:crypto';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import {
  BadRequestException,
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, from, lastValueFrom } from 'rxjs';
import type { Principal } from '@casebook/access';
import { type Attempt, IdempotencyStore } from './idempotency-store';
import { CORRELATION_ID } from '../commands/command-http';

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * api.md, Idempotency: a command sent again with the same `Idempotency-Key` and body returns the first
 * response and appends nothing; the same key with a different body is 422. Runs after authentication, so keys
 * are scoped to the caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.principal) return next.handle();
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw new BadRequestException({ detail: 'Idempotency-Key must be 1–128 letters, digits or . _ : -' });
    }
    const actorId = request.principal.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    // The attempt's events carry this correlation id: a retry after this process died finds them by it (#31 item 4).
    const offered = request.headers['x-correlation-id'];
    if (typeof offered !== 'string' || !CORRELATION_ID.test(offered)) request.headers['x-correlation-id'] = randomUUID();
    const successStatus = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) === 201 ? 201 : 200;
    const attempt: Attempt = { requestHash: hash, correlationId: request.headers['x-correlation-id'] as string, successStatus };
    return from(this.run(actorId, header, attempt, reply, () => lastValueFrom(next.handle())));
  }

  private async run(actorId: string, key: string, attempt: Attempt, reply: FastifyReply, execute: () => Promise<unknown>): Promise<unknown> {
    const reservation = await this.store.reserve(actorId, key, attempt);
    switch (reservation.kind) {
      case 'different-request':
        throw new UnprocessableEntityException({ detail: 'This Idempotency-Key was used with a different request body' });
      case 'in-progress':
        throw new ConflictException({ detail: 'A request with this Idempotency-Key is still being processed; retry shortly' });
      case 'replay':
        void reply.status(reservation.response.statusCode).headers({ ...reservation.response.headers, 'idempotent-replayed': 'true' });
        return reservation.response.body;
      case 'reserved':
        try {
          const body = await execute();
          const etag = reply.getHeader('etag');
          await this.store.complete(actorId, key, { statusCode: reply.statusCode, headers: typeof etag === 'string' ? { etag } : {}, body });
          return body;
        } catch (error) {
          await this.store.release(actorId, key).catch(() => undefined);
          throw error;
        }
    }
  }
}
