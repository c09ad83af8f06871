import { BadRequestException, HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { ReadModelCatalog } from '@casebook/projections';

/** api.md: `waitForPosition` waits at most this long, then 503 with `Retry-After`. */
const WAIT_LIMIT_MS = 5_000;

/**
 * What every read endpoint does around its query: pick the live version of the read model, wait for a position
 * when asked, and say how far the read model is (`X-Projection-Position`). Dossier reads are logged by the
 * dossier-read interceptor.
 */
@Injectable()
export class ReadModels {
  constructor(@Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog) {}

  /** The live version's DataSource once it has reached `waitForPosition`; sets `X-Projection-Position`. */
  async open(name: string, reply: FastifyReply, waitForPosition?: string): Promise<DataSource> {
    const wanted = waitForPosition === undefined ? 0 : Number(waitForPosition);
    if (!Number.isSafeInteger(wanted)) throw new BadRequestException({ detail: 'waitForPosition is out of range' });
    const deadline = Date.now() + WAIT_LIMIT_MS;
    let version = await this.catalog.liveVersion(name);
    let position = await this.catalog.position(name, version);
    while (position < wanted) {
      if (Date.now() >= deadline) {
        throw new HttpException(
          { detail: `The ${name} read model is at position ${position}, not yet at ${wanted}; try again shortly`, headers: { 'retry-after': '1' } },
          503,
        );
      }
      // The projections are woken by the append itself (EventConsumer); this only waits for them.
      await new Promise((resolve) => setTimeout(resolve, 25));
      version = await this.catalog.liveVersion(name);
      position = await this.catalog.position(name, version);
    }
    void reply.header('x-projection-position', String(position)).header('cache-control', 'no-store');
    return this.catalog.dataSource(name, version);
  }
}
