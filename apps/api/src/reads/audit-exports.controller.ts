import { refuseInvolvedReader } from './conflict-of-interest.guard';
import {
  BadRequestException,
  Controller,
  Headers,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Query,
  Res,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { type AuditBundle, AuditExporter, ChainNotSealedError, caseExportStreams, renderCaseTimelinePdf } from '@casebook/audit';
import { findAccessLog } from '@casebook/projections';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { WriteSide } from '@casebook/incidents';
import { KeepSealed } from '../http/reveal-personal-data.interceptor';
import { UuidPipe } from '../http/uuid.pipe';
import { AccessLogExportQueryDto, AuditExportQueryDto } from './list-query.dtos';
import { ReadModels } from './read-models.http';
import { Route } from '../auth/route.decorator';

/** An access-log export holds at most this many reads; a wider one is refused with a request to narrow it. */
export const ACCESS_LOG_EXPORT_LIMIT = 10_000;

/**
 * Audit exports (issue #6): a case's events, or a person's access log, as a signed bundle a third party can verify
 * offline (README, "Audit bundle"). Every export — granted, refused, not found — is itself in the access log.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not a role that exports this' })
@ApiServiceUnavailableResponse({ description: 'The global chain has not sealed the last event yet (or waitForPosition not reached) within 5 s; Retry-After' })
@Controller()
@UseGuards(BearerAuthGuard)
export class AuditExportsController {
  constructor(
    private readonly writeSide: WriteSide,
    private readonly readModels: ReadModels,
    @Inject(AuditExporter) private readonly exporter: AuditExporter,
  ) {}

  @Route('exportCaseAudit', {
    summary:
      "The case's audit trail (legal, board): every event of the case and of its linked criminal-report decisions, with hashes, a manifest and an Ed25519 signature; or the Dutch timeline as PDF",
    answer: '{ manifest, manifestHash, signature, events } (README, "Audit bundle"); or application/pdf. X-Manifest-Hash and X-Audit-Key-Id headers either way',
  })
  @KeepSealed()
  @ApiProduces('application/json', 'application/pdf')
  @ApiNotFoundResponse({ description: 'No incident with this id' })
  async caseExport(
    @Param('id', UuidPipe) id: string,
    @Query() query: AuditExportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditBundle | Buffer> {
    const format = query.format ?? (/application\/pdf/i.test(accept ?? '') && !/application\/json/i.test(accept ?? '') ? 'pdf' : 'json');
    // A caller without the role was refused before this (DossierReadInterceptor), not learning whether the case exists.
    const loaded = await this.writeSide.caseStreams.load(id);
    if (!loaded) throw new NotFoundException({ detail: `No incident ${id}` });
    const view = await this.writeSide.views.view(id);
    if (view) refuseInvolvedReader(principal, view); // CI1
    const bundle = await this.signedBundle(caseExportStreams(loaded.streamId, loaded.events), { kind: 'incident', incidentId: id }, principal);
    void reply.header('x-manifest-hash', bundle.manifestHash).header('x-audit-key-id', bundle.signature.keyId).header('cache-control', 'no-store');
    if (format === 'pdf') {
      const pdf = await renderCaseTimelinePdf(bundle);
      void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="casebook-audit-${id}.pdf"`);
      return pdf;
    }
    void reply.header('content-disposition', `attachment; filename="casebook-audit-${id}.json"`);
    return bundle;
  }

  @Route('exportAccessLog', {
    summary: 'The access log of a person (subjectId: whose data was read) or of an actor (who read), optionally from/to, as a signed bundle: legal',
    answer: '{ manifest, manifestHash, signature, events }: every DossierRead event that matches, each a whole one-event stream',
  })
  @KeepSealed()
  @ApiUnprocessableEntityResponse({ description: `More than ${ACCESS_LOG_EXPORT_LIMIT} reads match: narrow it with from/to` })
  async accessLogExport(
    @Query() query: AccessLogExportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditBundle> {
    if (!query.subjectId && !query.actorId)
      throw new BadRequestException({ detail: 'Name whose access log to export: subjectId (whose data was read) or actorId (who read)' });
    const source = await this.readModels.open('access-log', reply, query.waitForPosition);
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const entries = await findAccessLog(source, {
      subjectId: query.subjectId,
      actorId: query.actorId,
      from,
      to,
      limit: ACCESS_LOG_EXPORT_LIMIT + 1,
      offset: 0,
    });
    if (entries.length > ACCESS_LOG_EXPORT_LIMIT) {
      throw new UnprocessableEntityException({ detail: `More than ${ACCESS_LOG_EXPORT_LIMIT} reads match; narrow the export with from and to` });
    }
    const scope = {
      kind: 'access-log' as const,
      subjectId: query.subjectId ?? null,
      actorId: query.actorId ?? null,
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
    };
    const bundle = await this.signedBundle(
      entries.map((entry) => `access-log-${entry.accessId}`),
      scope,
      principal,
    );
    // Logged (DossierReadInterceptor) after the bundle is made, so whether it lists itself never depends on timing: it does not.
    void reply.header('x-manifest-hash', bundle.manifestHash).header('x-audit-key-id', bundle.signature.keyId).header('cache-control', 'no-store');
    return bundle;
  }

  private async signedBundle(streamIds: readonly string[], scope: Parameters<AuditExporter['export']>[1], principal: Principal): Promise<AuditBundle> {
    try {
      return await this.exporter.export(streamIds, scope, { actorId: principal.id, roles: principal.roles });
    } catch (error) {
      if (error instanceof ChainNotSealedError) {
        throw new HttpException({ detail: `${error.message}; try again shortly`, headers: { 'retry-after': '1' } }, 503);
      }
      throw error;
    }
  }
}
