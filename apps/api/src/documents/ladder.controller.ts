import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsObject, ValidateIf } from 'class-validator';
import { DocumentQueries } from '@app/documents';
import { DocumentLadderService } from '@app/scheduling';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { LadderResponse, LadderSetResponse } from './documents.responses';

export class LadderRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: {
      reminderWorkingDaysBefore: [5],
      escalations: [{ afterWorkingDaysOverdue: 3, to: 'supervisor', level: 1 }],
    },
    description: "Changes to the global ladder for this document's tasks; null goes back to the global ladder",
  })
  @ValidateIf((_request, value) => value !== null)
  @IsObject()
  ladder: object | null;
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents/:reference/ladder')
export class LadderController {
  constructor(
    private readonly documents: DocumentQueries,
    private readonly ladders: DocumentLadderService,
  ) {}

  /** The reminder and escalation ladder this document's tasks follow, and its own changes. */
  @Get()
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: LadderResponse })
  @ApiOperation({ summary: '文件的提醒与督办阶梯' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async getDocumentLadder(@Param('reference') reference: string) {
    return this.ladders.effective((await this.documents.getDocument(reference)).id);
  }

  /** Sets the document's changes; its open tasks' pending steps are recomputed at once. */
  @Put()
  @Roles('supervisor')
  @ApiOkResponse({ type: LadderSetResponse })
  @ApiOperation({ summary: '设置文件的提醒与督办阶梯' })
  @ApiErrors({ 400: ['VALIDATION_FAILED', 'LADDER_OVERRIDES'], 403: ['ROLE_REQUIRED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async setDocumentLadder(@Param('reference') reference: string, @Body() request: LadderRequest) {
    return this.ladders.set((await this.documents.getDocument(reference)).id, request.ladder);
  }
}
