import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { WebhookAdminService, type DeliveryView, type WebhookView } from '@app/notifications';
import { Roles } from '../auth/auth.decorators';
import { DeliveryListRequest, WebhookRequest } from './webhooks.dto';

/** A unit's webhook (its own system receives its notices): admins set it, remove it and watch deliveries. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin/units/:code/webhook')
@Roles('admin')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookAdminService) {}

  /** Sets or replaces the webhook; the response never contains the secret. */
  @Put()
  configure(@Param('code') code: string, @Body() request: WebhookRequest): Promise<WebhookView> {
    return this.webhooks.configure(code, request);
  }

  @Get()
  show(@Param('code') code: string): Promise<WebhookView> {
    return this.webhooks.get(code);
  }

  @Delete()
  @HttpCode(204)
  async remove(@Param('code') code: string): Promise<void> {
    await this.webhooks.remove(code);
  }

  /** Recent deliveries: state, attempts, last status and error. */
  @Get('deliveries')
  deliveries(@Param('code') code: string, @Query() query: DeliveryListRequest): Promise<DeliveryView[]> {
    return this.webhooks.deliveries(code, query.limit ?? 50);
  }
}
