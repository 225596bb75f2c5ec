import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookAdminService, type DeliveryView, type WebhookView } from '@app/notifications';
import { Roles } from '../auth/auth.decorators';
import { DeliveryListRequest, WebhookRequest } from './webhooks.dto';
import { ApiErrors } from '../http/api-errors';
import { WebhookDeliveryResponse, WebhookResponse } from '../workflow/progress.responses';

/** A unit's webhook (its own system receives its notices): admins set it, remove it and watch deliveries. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin/units/:code/webhook')
@Roles('admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookAdminService) {}

  /** Sets or replaces the webhook; the response never contains the secret. */
  @Put()
  @ApiOkResponse({ type: WebhookResponse })
  @ApiOperation({ summary: '设置单位的 Webhook' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'WEBHOOK_URL_INVALID', 'WEBHOOK_SECRET_TOO_SHORT'],
    403: ['ROLE_REQUIRED'],
    404: ['UNIT_NOT_FOUND'],
  })
  setWebhook(@Param('code') code: string, @Body() request: WebhookRequest): Promise<WebhookView> {
    return this.webhooks.configure(code, request);
  }

  @Get()
  @ApiOkResponse({ type: WebhookResponse })
  @ApiOperation({ summary: '查看单位的 Webhook' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'], 404: ['UNIT_NOT_FOUND', 'WEBHOOK_NOT_FOUND'] })
  getWebhook(@Param('code') code: string): Promise<WebhookView> {
    return this.webhooks.get(code);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiOperation({ summary: '删除单位的 Webhook' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'], 404: ['UNIT_NOT_FOUND', 'WEBHOOK_NOT_FOUND'] })
  async deleteWebhook(@Param('code') code: string): Promise<void> {
    await this.webhooks.remove(code);
  }

  /** Recent deliveries: state, attempts, last status and error. */
  @Get('deliveries')
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  @ApiOperation({ summary: 'Webhook 投递记录' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['ROLE_REQUIRED'], 404: ['UNIT_NOT_FOUND', 'WEBHOOK_NOT_FOUND'] })
  listWebhookDeliveries(@Param('code') code: string, @Query() query: DeliveryListRequest): Promise<DeliveryView[]> {
    return this.webhooks.deliveries(code, query.limit ?? 50);
  }
}
