import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { DocumentQueries } from '@app/documents';
import { BulletinSettingsService } from '@app/reporting';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { BulletinSettingsRequest, BulletinSettingsResponse } from './bulletin-settings.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('documents/:reference/bulletin-settings')
export class BulletinSettingsController {
  constructor(
    private readonly documents: DocumentQueries,
    private readonly settings: BulletinSettingsService,
  ) {}

  /** The texts the document's 通报 prints: 红头, 主送, 抄送, 落款, 印发机关, report-back time. */
  @Get()
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: BulletinSettingsResponse })
  @ApiOperation({ summary: '文件季度通报的红头、主送、抄送与落款' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async getBulletinSettings(@Param('reference') reference: string) {
    return this.settings.effective((await this.documents.getDocument(reference)).id);
  }

  /** Sets them all at once; bulletins made afterwards print them (stored ones keep their files). */
  @Put()
  @Roles('supervisor')
  @ApiOkResponse({ type: BulletinSettingsResponse })
  @ApiOperation({ summary: '设置文件季度通报的红头、主送、抄送与落款' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ROLE_REQUIRED'], 404: ['DOCUMENT_NOT_FOUND'] })
  async setBulletinSettings(
    @Param('reference') reference: string,
    @Body() request: BulletinSettingsRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.settings.set((await this.documents.getDocument(reference)).id, request, actor.username);
  }
}
