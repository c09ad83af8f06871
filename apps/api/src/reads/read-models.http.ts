import { BadRequestException, HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import type { Principal } from '@casebook/access';
import { newEventId } from '@casebook/event-store';
import { AccessLogWriter, type DossierAccess, ProjectionHost, ReadModelCatalog } from '@casebook/projections';
import { RUNTIME, type Runtime } from '@casebook/runtime';

/** api.md: `waitForPosition` waits at most this long, then 503 with `Retry-After`. */
const WAIT_LIMIT_MS = 5_000;

/**
 * What every read endpoint does around its query: pick the live version of the read model, wait for a position
 * when asked, say how far the read model is (`X-Projection-Position`), and log dossier reads.
 */
@Injectable()
export class ReadModels {
  /** Dossier reads are logged with a group commit (concurrent reads share one). */
  private readonly accessLog: AccessLogWriter;

  constructor(
    @Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog,
    @Inject(ProjectionHost) private readonly host: ProjectionHost,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.accessLog = new AccessLogWriter(runtime.eventStore);
  }

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
      this.host.nudge(); // in the embedded default the projections run in this process
      await new Promise((resolve) => setTimeout(resolve, 25));
      version = await this.catalog.liveVersion(name);
      position = await this.catalog.position(name, version);
    }
    void reply.header('x-projection-position', String(position)).header('cache-control', 'no-store');
    return this.catalog.dataSource(name, version);
  }

  /** Appends the access-log event before the answer leaves (refused and not-found reads too). */
  async logAccess(principal: Principal, access: Omit<DossierAccess, 'actorId' | 'actorRoles'>): Promise<void> {
    await this.accessLog.record({ ...access, actorId: principal.id, actorRoles: principal.roles }, newEventId());
  }
}
