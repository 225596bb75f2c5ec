import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import type { Actor } from '@app/access';
import { Clock, shanghaiDate } from '@app/common';
import { DocumentQueries } from '@app/documents';
import { LedgerService, REPORT_CONTENT_TYPES, scopeFor } from '@app/reporting';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { ApiFileResponse } from '../http/api-binary';
import { contentDisposition } from '../http/content-disposition';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '../http/request-rules';

export class LedgerRequest {
  @ApiPropertyOptional({
    description:
      "Supervisors, leadership and admins: one unit's tasks (default: all). Other users always get their own unit's.",
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: UNIT_CODE_MESSAGE })
  unitCode?: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('documents/:reference/ledger')
export class LedgerController {
  constructor(
    private readonly documents: DocumentQueries,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  /** 台账: every task of the document (or of one unit) as it stands now, as a workbook to filter. */
  @Get()
  @ApiFileResponse([REPORT_CONTENT_TYPES.xlsx], 'The ledger as an Excel workbook')
  @ApiOperation({ summary: '下载文件的督办台账（Excel）' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['REPORT_SCOPE_FORBIDDEN'], 404: ['DOCUMENT_NOT_FOUND'] })
  async downloadLedger(
    @Param('reference') reference: string,
    @Query() query: LedgerRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const unitCode = scopeFor(actor, query.unitCode);
    const document = await this.documents.getDocument(reference);
    const content = await this.ledger.workbook({ documentId: document.id, unitCode });
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: REPORT_CONTENT_TYPES.xlsx,
      disposition: contentDisposition(`${document.title}督办台账（${shanghaiDate(this.clock.now())}）.xlsx`),
      length: content.length,
    });
  }
}
