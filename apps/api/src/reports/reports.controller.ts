import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/access';
import { DomainError } from '@app/common';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  ReportsService,
  type ReportFormat,
  type ReportView,
} from '@app/reporting';
import { CurrentActor } from '../auth/auth.decorators';
import { contentDisposition } from '../http/content-disposition';
import { uuidParam } from '../http/uuid-param.pipe';
import { ReportCreateRequest, ReportListRequest } from './reports.dto';
import { ApiErrors } from '../http/api-errors';
import { ReportResponse } from '../workflow/progress.responses';
import { ApiFileResponse } from '../http/api-binary';

const formatPipe = new ParseEnumPipe(Object.fromEntries(REPORT_FORMATS.map((format) => [format, format])), {
  exceptionFactory: () =>
    new DomainError('invalid', 'UNKNOWN_FORMAT', `格式须为 ${REPORT_FORMATS.join('、')} 之一`, { field: 'format' }),
});

/** A report with where to fetch its files once it is done. */
function withLinks(report: ReportView) {
  const files =
    report.state === 'done'
      ? Object.fromEntries(REPORT_FORMATS.map((format) => [format, `/reports/${report.id}/files/${format}`]))
      : {};
  return { ...report, files };
}

const REPORT_MEDIA_TYPES = REPORT_FORMATS.map((format) => REPORT_CONTENT_TYPES[format].split(';')[0]);

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** 季度通报: queued for the worker (202), or the one already asked for (200). */
  @Post()
  @ApiAcceptedResponse({ type: ReportResponse, description: 'Queued for the worker' })
  @ApiOkResponse({
    type: ReportResponse,
    description: 'The report already asked for (same document, quarter, moment and scope)',
  })
  @ApiOperation({ summary: '生成季度通报（已有则返回）' })
  @ApiErrors({
    400: [
      'VALIDATION_FAILED',
      'INVALID_QUARTER',
      'INVALID_AS_OF',
      'AS_OF_IN_FUTURE',
      'AS_OF_BEFORE_QUARTER',
      'UNKNOWN_UNIT',
    ],
    403: ['REPORT_SCOPE_FORBIDDEN'],
    404: ['DOCUMENT_NOT_FOUND'],
  })
  async requestReport(
    @Body() request: ReportCreateRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { report, created } = await this.reports.request({
      ...request,
      asOf: request.asOf ? new Date(request.asOf) : undefined,
      actor,
    });
    response.status(created ? 202 : 200);
    return withLinks(report);
  }

  @Get()
  @ApiOkResponse({ type: [ReportResponse] })
  @ApiOperation({ summary: '季度通报列表' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  async listReports(@Query() query: ReportListRequest, @CurrentActor() actor: Actor) {
    return (await this.reports.list(actor, query.documentId)).map(withLinks);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportResponse })
  @ApiOperation({ summary: '查看季度通报的状态' })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['REPORT_NOT_FOUND'] })
  async getReport(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return withLinks(await this.reports.find(id, actor));
  }

  @Get(':id/files/:format')
  @ApiParam({ name: 'format', enum: REPORT_FORMATS, enumName: 'ReportFormat' })
  @ApiFileResponse(REPORT_MEDIA_TYPES, 'The report as Word, Excel or JSON')
  @ApiOperation({ summary: '下载季度通报文件（Word、Excel、JSON）' })
  @ApiErrors({ 400: ['INVALID_ID', 'UNKNOWN_FORMAT'], 404: ['REPORT_NOT_FOUND'], 409: ['REPORT_NOT_READY'] })
  async downloadReportFile(
    @Param('id', uuidParam()) id: string,
    @Param('format', formatPipe) format: ReportFormat,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.file(id, format, actor);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
      length: file.content.length,
    });
  }
}
