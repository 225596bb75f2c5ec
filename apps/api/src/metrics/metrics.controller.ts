import { Controller, Get, Headers, NotFoundException, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig, DomainError } from '@app/common';
import { Metrics, metricsAccess } from '@app/metrics';
import { Public } from '../auth/auth.decorators';

/** Prometheus's scrape target: on only when METRICS_TOKEN is set, and only with that bearer token. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  // Public to the user-token guard: the metrics token is its own, checked here.
  @Public()
  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const access = metricsAccess(this.config.METRICS_TOKEN, authorization);
    if (access === 'off') throw new NotFoundException();
    if (access === 'refused')
      throw new DomainError('unauthenticated', 'METRICS_TOKEN_INVALID', '缺少或错误的监控令牌（METRICS_TOKEN）');
    const { contentType, body } = await this.metrics.scrape();
    response.type(contentType).send(body);
  }
}
