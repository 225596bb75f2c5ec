import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { ProgressReportService, UnitTransferService } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { ProgressReportRequest, ProgressReviewRequest, UnitTransferRequest } from './progress.dto';
import { ApiErrors } from '../http/api-errors';
import { ProgressReportResponse, UnitTransferResponse } from './progress.responses';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(
    private readonly reports: ProgressReportService,
    private readonly transfers: UnitTransferService,
  ) {}

  /** 季度进展: once per ended quarter; a returned report may be sent again. */
  @Post('tasks/:id/progress-reports')
  @ApiCreatedResponse({ type: ProgressReportResponse })
  @ApiOperation({ summary: '报送季度进展' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'INVALID_QUARTER', 'QUARTER_BEFORE_ASSIGNMENT', 'QUARTER_NOT_ENDED'],
    403: ['NOT_PERMITTED'],
    404: ['TASK_NOT_FOUND'],
    409: ['REPORT_EXISTS', 'INVALID_TRANSITION'],
  })
  submitProgressReport(
    @Param('id', uuidParam()) id: string,
    @Body() request: ProgressReportRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.submit({ taskId: id, ...request, targetActuals: request.targetActuals ?? [], actor });
  }

  @Get('tasks/:id/progress-reports')
  @ApiOkResponse({ type: [ProgressReportResponse] })
  @ApiOperation({ summary: '任务的季度进展列表' })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['TASK_NOT_FOUND'] })
  listProgressReports(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.reports.list(id, actor);
  }

  @Post('tasks/:id/progress-reports/:reportId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: ProgressReportResponse })
  @ApiOperation({ summary: '审核季度进展' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'REASON_REQUIRED'],
    403: ['REPORT_FORBIDDEN'],
    404: ['TASK_NOT_FOUND', 'REPORT_NOT_FOUND'],
    409: ['REPORT_NOT_PENDING'],
  })
  reviewProgressReport(
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
  @ApiCreatedResponse({ type: UnitTransferResponse })
  @ApiOperation({ summary: '机构调整：将单位的在办任务移交承继单位' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'UNKNOWN_UNIT', 'SAME_UNIT'], 403: ['ROLE_REQUIRED'] })
  transferUnit(@Body() request: UnitTransferRequest, @CurrentActor() actor: Actor) {
    return this.transfers.transfer(request.fromUnitCode, request.toUnitCode, actor, request.reason);
  }
}
