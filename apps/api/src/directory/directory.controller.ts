import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, Param, ParseEnumPipe, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiForbiddenResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { DIRECTORY_FILE_KINDS, type DirectoryFileKind, WriteSide } from '@casebook/incidents';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { Route } from '../auth/route.decorator';
import { type IssueCommand, IssuedBy } from '../commands/command-http';

/** The directory (issue #18, DIR1–DIR2): the administration's export, imported file by file. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class DirectoryController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('importDirectory', {
    summary:
      "Import one file of the administration's export (DIR2): schools, staff, pupils or parents as text/csv (columns in README); re-runs record only changes; a file with a bad row changes nothing",
    answer: '{ kind, created, changed, left, unchanged, erased, position } (position: the last written, for waitForPosition; null when nothing changed)',
  })
  @ApiParam({ name: 'kind', enum: DIRECTORY_FILE_KINDS })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'schoolId,brin,name,holidayRegion,schoolDayEndsAt\nschool-1,12AB,De Regenboog,midden,15:00\n' } })
  @ApiBadRequestResponse({ description: 'Bad rows: `errors: [{ line, field, message }]` (the first 100 found), `errorCount` (all), nothing changed' })
  @ApiForbiddenResponse({ description: 'The board imports the directory' })
  async import(
    @Param(
      'kind',
      new ParseEnumPipe(DIRECTORY_FILE_KINDS, {
        exceptionFactory: () => new BadRequestException({ detail: `kind is one of ${DIRECTORY_FILE_KINDS.join(', ')}` }),
      }),
    )
    kind: DirectoryFileKind,
    @Body() body: unknown,
    @IssuedBy() issue: IssueCommand,
  ) {
    if (typeof body !== 'string') throw new BadRequestException({ detail: 'The body is a CSV file: Content-Type text/csv' });
    const outcome = await this.writeSide.directory.import(kind, body, issue());
    if (outcome.outcome === 'forbidden') throw new ForbiddenException({ detail: 'The board imports the directory' });
    if (outcome.outcome === 'invalid') {
      const { errorCount, errors } = outcome;
      const listed = errorCount > errors.length ? `; the first ${errors.length} found are listed` : '';
      throw new BadRequestException({
        detail: `The ${kind} file has ${errorCount} problem${errorCount === 1 ? '' : 's'}; nothing was imported${listed}`,
        errors,
        errorCount,
      });
    }
    if (outcome.outcome === 'conflict')
      throw new ConflictException({
        detail: `${outcome.rows} people changed in the directory while this file was imported (another import at once); the rest is recorded: run it again`,
      });
    const { outcome: _imported, ...counts } = outcome;
    return counts;
  }
}
