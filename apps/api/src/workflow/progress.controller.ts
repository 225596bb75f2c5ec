import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { NoticeQueries } from '@app/notifications';
import { ProgressReportService, UnitTransferService } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { NoticeListRequest, ProgressReportRequest, ProgressReviewRequest, UnitTransferRequest } from './progress.dto';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(
    private readonly reports: ProgressReportService,
    private readonly transfers: UnitTransferService,
    private readonly notices: NoticeQueries,
  ) {}

  /** 季度进展: once per ended quarter; a returned report may be sent again. */
  @Post('tasks/:id/progress-reports')
  report(@Param('id', uuidParam()) id: string, @Body() request: ProgressReportRequest, @CurrentActor() actor: Actor) {
    return this.reports.submit({ taskId: id, ...request, targetActuals: request.targetActuals ?? [], actor });
  }

  @Get('tasks/:id/progress-reports')
  reportsOf(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.reports.list(id, actor);
  }

  @Post('tasks/:id/progress-reports/:reportId/review')
  @HttpCode(200)
  review(
    @Param('id', uuidParam()) id: string,
    @Param('reportId', uuidParam('reportId')) reportId: string,
    @Body() request: ProgressReviewRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.review({ taskId: id, reportId, ...request, actor });
  }

  /** Moves every open task of a reorganised unit to its successor, recorded on each task's history. */
  @Post('admin/unit-transfers')
  @Roles('admin')
  transfer(@Body() request: UnitTransferRequest, @CurrentActor() actor: Actor) {
    return this.transfers.transfer(request.fromUnitCode, request.toUnitCode, actor, request.reason);
  }

  /** The acting unit's notices, newest first. */
  @Get('notices')
  inbox(@Query() query: NoticeListRequest, @CurrentActor() actor: Actor) {
    return this.notices.inbox(actor.unitCode, {
      unreadOnly: query.unread === 'true',
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Post('notices/:id/read')
  @HttpCode(200)
  markRead(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.notices.markRead(actor.unitCode, id);
  }
}
