import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { OfficialCalendar, WorkingCalendar } from '@app/calendar';
import { QUEUES } from '@app/queues';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { TokenService } from '../auth/token.service';

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
    private readonly tokens: TokenService,
  ) {}

  /**
   * 200 when PostgreSQL and Redis answer, 503 when one does not. Anyone gets only `{ status }`; an
   * admin's token adds each part's state, every queue's job counts, and the years counted Monday to
   * Friday for want of an official holiday calendar (queue sizes tell outsiders how busy the office is).
   */
  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '服务状态：匿名只见 up/down，管理员另见数据库、队列与节假日数据' })
  @ApiErrors({ 503: ['SERVICE_UNAVAILABLE'] }, { public: true })
  async getHealth(@Req() request: Request) {
    const result = await this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.queues(),
      () => this.calendarStatus(),
    ]);
    return (await this.isAdmin(request)) ? result : { status: result.status };
  }

  /** An admin's valid token; anything else (none, expired, another role) is an anonymous caller here. */
  private async isAdmin(request: Request): Promise<boolean> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) return false;
    const user = await this.tokens.userOf(token).catch(() => null);
    return user?.roles.includes('admin') ?? false;
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
