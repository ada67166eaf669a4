import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { JobQueueService, withTimeout } from '@tandem/core';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { Operation } from '../http/api-problems.decorator';
import { ShutdownState } from './shutdown-state';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobQueueService,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @Operation({ summary: 'The process is up (no dependencies checked)' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @Operation({
    summary: 'PostgreSQL and Redis answer and the api is not shutting down: 200, otherwise 503',
  })
  ready() {
    if (this.shutdown.draining)
      throw new ServiceUnavailableException({
        status: 'error',
        info: {},
        error: { shutdown: { status: 'down', message: 'draining before shutdown' } },
        details: { shutdown: { status: 'down', message: 'draining before shutdown' } },
      });
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1500 }), () => this.redis()]);
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      await withTimeout(this.jobs.ping(), 1500);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
