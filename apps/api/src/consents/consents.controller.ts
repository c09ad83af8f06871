import { Body, Controller, ForbiddenException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { findNonConsenting, findPupilConsents, findRecordingPermissions } from '@casebook/projections';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy } from '../commands/command-http';
import { PersonIdPipe } from '../http/person-id.pipe';
import { ReadQueryDto } from '../reads/read-query.dto';
import { ReadModels } from '../reads/read-models.http';
import { ConsentDto, RecordingPermissionDto } from './consents.dto';
import { Route } from '../auth/route.decorator';
import { type Operation, permits } from '../auth/access-policy';

/** The consent registers' commands (E4, R1, R2). */
@CommandEndpoints('consents')
@Controller()
export class ConsentCommandsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('recordConsent', {
    summary: 'Record a consent, its refusal or its withdrawal: mailbox (E4: the parents) or website publication (R2); director of the school, or the board',
    answer: '{ id, revision, position }',
  })
  async consent(@Param('pupilId', PersonIdPipe) pupilId: string, @Body() body: ConsentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const consent = {
      pupilId,
      schoolId: body.schoolId,
      purpose: body.purpose,
      decision: body.decision,
      givenBy: body.givenBy,
      documentSha256: body.documentSha256?.toLowerCase() ?? null,
      dateOfBirth: body.dateOfBirth ?? null,
    };
    return this.writeSide.consents.recordConsent(consent, issue(body.schoolId));
  }

  @Route('grantRecordingPermission', {
    status: 201,
    summary: "Record the director's written permission for a recording (R1): who, what, when, document hash",
    answer: '{ id, revision, position }',
  })
  async recordingPermission(
    @Param('schoolId', PersonIdPipe) schoolId: string,
    @Body() body: RecordingPermissionDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const permission = {
      schoolId,
      what: body.what,
      grantedTo: body.grantedTo,
      validFrom: body.validFrom,
      validUntil: body.validUntil ?? null,
      documentSha256: body.documentSha256.toLowerCase(),
    };
    return this.writeSide.consents.grantRecordingPermission(permission, issue(schoolId));
  }
}

/** The consent registers' reads: the director of the school, the board, legal. */
@ApiTags('consents')
@ApiBearerAuth()
@ApiServiceUnavailableResponse({ description: 'waitForPosition not reached within 5 s; Retry-After' })
@Controller()
@UseGuards(BearerAuthGuard)
export class ConsentReadsController {
  constructor(private readonly readModels: ReadModels) {}

  private mayRead(operation: Operation, principal: Principal, schoolId: string | null): void {
    if (permits(operation, principal, { schoolId })) return;
    throw new ForbiddenException({ detail: 'Consents are read by the director of the school, the board and legal' });
  }

  @Route('readPupilConsents', {
    summary: "A pupil's consents (E4, R2): each purpose's latest decision, and whether a mailbox / website publication is allowed",
    answer: '{ pupilId, consents: [{ purpose, schoolId, status, givenBy, documentSha256, changedAt }], mailboxAllowed, websitePublicationAllowed }',
  })
  async pupilConsents(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await findPupilConsents(await this.readModels.open('consents', reply, query.waitForPosition), pupilId);
    // No record yet discloses nothing; otherwise the director of the school the consents were given at.
    // (The guard has admitted only the table's roles for this row.)
    if (view.consents.length) this.mayRead('readPupilConsents', principal, view.consents[0]!.schoolId);
    return view;
  }

  @Route('readNonConsenting', {
    summary:
      'R2: the pupils of the school who did not consent to publication on the website — refused, withdrawn, or never asked (revision 2: a pupil of the school with no decision, `never-asked`, changedAt null)',
    answer: '{ schoolId, items: [{ pupilId, status: refused|withdrawn|never-asked, changedAt }] }',
  })
  async nonConsenting(
    @Param('schoolId', PersonIdPipe) schoolId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.mayRead('readNonConsenting', principal, schoolId);
    return { schoolId, items: await findNonConsenting(await this.readModels.open('consents', reply, query.waitForPosition), schoolId) };
  }

  @Route('readRecordingPermissions', {
    summary: "R1: the school's recording permissions, newest first",
    answer: '{ schoolId, items: [{ permissionId, what, grantedTo, validFrom, validUntil, documentSha256, grantedBy, grantedAt }] }',
  })
  async recordingPermissions(
    @Param('schoolId', PersonIdPipe) schoolId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.mayRead('readRecordingPermissions', principal, schoolId);
    return { schoolId, items: await findRecordingPermissions(await this.readModels.open('consents', reply, query.waitForPosition), schoolId) };
  }
}
