import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { OfficialCalendar, WorkingCalendar } from '@app/calendar';
import { QUEUES } from '@app/queues';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly calendar: WorkingCalendar,
    @InjectQueue(QUEUES.steps) private readonly steps: Queue,
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: Queue,
    @InjectQueue(QUEUES.reports) private readonly reports: Queue,
  ) {}

  /**
   * 200 when PostgreSQL and Redis answer, 503 naming the one that does not; with every queue's
   * job counts, and the years counted Monday to Friday for want of an official holiday calendar.
   */
  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '服务状态：数据库、队列与节假日数据' })
  @ApiErrors({ 503: ['SERVICE_UNAVAILABLE'] }, { public: true })
  getHealth() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.queues(),
      () => this.calendarStatus(),
    ]);
  }

  private async queues() {
    const indicator = this.indicators.check('redis');
    try {
      const counts = await withTimeout(
        Promise.all(
          [this.steps, this.webhooks, this.reports].map((queue) =>
            queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          ),
        ),
        2000,
      );
      return indicator.up({
        queues: { [QUEUES.steps]: counts[0], [QUEUES.webhooks]: counts[1], [QUEUES.reports]: counts[2] },
      });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  private calendarStatus() {
    const indicator = this.indicators.check('calendar');
    if (!(this.calendar instanceof OfficialCalendar)) return indicator.up({ kind: 'weekdays' });
    const fallback = this.calendar.unknownYearsUsed();
    return indicator.up({
      knownYears: `${Math.min(...this.calendar.knownYears())}–${Math.max(...this.calendar.knownYears())}`,
      ...(fallback.length ? { warning: `无官方节假日安排的年份按周一至周五计算：${fallback.join('、')}` } : {}),
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
