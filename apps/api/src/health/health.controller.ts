import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { checkReadiness, type ReadinessReport } from '@casebook/platform';
import { RUNTIME, type Runtime } from '@casebook/runtime';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ schema: { example: { status: 'live' } } })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({ summary: "Readiness, with each dependency's state (database, eventStore, kafka)" })
  @ApiOkResponse({ description: 'every configured dependency answers' })
  @ApiServiceUnavailableResponse({ description: 'a configured dependency does not answer' })
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report: ReadinessReport = await checkReadiness(this.runtime.health);
    void reply.status(report.status === 'ready' ? 200 : 503).send(report);
  }
}
