import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, from, mergeMap } from 'rxjs';
import { timelineLanguage } from '@casebook/projections';
import type { PersonalDataReveal } from '@casebook/privacy';

const KEEP_SEALED = 'casebook:keep-sealed';

/** On a handler whose answer must keep sealed texts as stored (an audit bundle: its hashes are over them). */
export const KeepSealed = (): MethodDecorator => SetMetadata(KEEP_SEALED, true);

/**
 * Every answer leaves with its sealed personal texts opened for the reader (or `[verwijderd]` / `[erased]` when a
 * person was forgotten). One place for every endpoint, so no read can show a sealed text by forgetting to open it.
 */
@Injectable()
export class RevealPersonalDataInterceptor implements NestInterceptor {
  constructor(
    private readonly reveal: PersonalDataReveal,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(KEEP_SEALED, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const language = timelineLanguage(request.headers['accept-language']);
    return next
      .handle()
      .pipe(
        mergeMap((body: unknown) =>
          from(body && typeof body === 'object' && !Buffer.isBuffer(body) ? this.reveal.reveal(body, language) : Promise.resolve(body)),
        ),
      );
  }
}
