import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '@app/access';
import { DocumentQueries } from '@app/documents';
import { TaskBoard } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { BoardResponse, StatisticsResponse } from './workflow.responses';

export class StatisticsQuery {
  @ApiPropertyOptional({ description: 'The document id or its 文号; every document when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentId?: string;
}

/** 督办台 and the leadership's figures. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class BoardController {
  constructor(
    private readonly board: TaskBoard,
    private readonly documents: DocumentQueries,
  ) {}

  @Get('board')
  @Roles('supervisor', 'leadership', 'admin')
  @ApiOperation({
    summary: '督办台：各单位的任务、逾期、临期、未签收、缺报、督办与挂牌督办数',
    description:
      'Each count is the total of GET /tasks?scope=all&unitCode={unitCode}&filter={filter} (tasks: no filter).',
  })
  @ApiOkResponse({ type: BoardResponse })
  @ApiErrors({ 403: ['ROLE_REQUIRED'] })
  getBoard(@CurrentActor() actor: Actor) {
    return this.board.board(actor);
  }

  @Get('statistics')
  @Roles('supervisor', 'leadership', 'admin')
  @ApiOperation({ summary: '各单位、各部分的完成率与按时完成率' })
  @ApiOkResponse({ type: StatisticsResponse })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ROLE_REQUIRED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async getStatistics(@Query() query: StatisticsQuery, @CurrentActor() actor: Actor) {
    const document = query.documentId ? await this.documents.getDocument(query.documentId) : undefined;
    return this.board.statistics(actor, document?.id);
  }
}
