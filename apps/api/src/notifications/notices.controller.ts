import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { NoticeQueries } from '@app/notifications';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { uuidParam } from '../http/uuid-param.pipe';
import { NoticeListRequest } from '../workflow/progress.dto';
import {
  NoticePageResponse,
  NoticeResponse,
  ReadAllResponse,
  UnreadCountResponse,
} from '../workflow/workflow.responses';

/** The acting unit's notices (通知中心). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticeQueries) {}

  @Get()
  @ApiOperation({ summary: '本单位的通知（新的在前）' })
  @ApiOkResponse({ type: NoticePageResponse })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  listNotices(@Query() query: NoticeListRequest, @CurrentActor() actor: Actor) {
    return this.notices.inbox(actor.unitCode, {
      unreadOnly: query.unread === 'true',
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读通知数' })
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiErrors({})
  async countUnreadNotices(@CurrentActor() actor: Actor) {
    return { count: await this.notices.unreadCount(actor.unitCode) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标记已读' })
  @ApiOkResponse({ type: ReadAllResponse })
  @ApiErrors({})
  async markAllNoticesRead(@CurrentActor() actor: Actor) {
    return { updated: await this.notices.markAllRead(actor.unitCode) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记通知已读' })
  @ApiOkResponse({ type: NoticeResponse })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['NOTICE_NOT_FOUND'] })
  markNoticeRead(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.notices.markRead(actor.unitCode, id);
  }
}
