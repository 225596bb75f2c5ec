import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PersonAddressService, type PersonAddressView, UnitNoticeChannelsService } from '@app/notifications';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { uuidParam } from '../http/uuid-param.pipe';
import {
  AddressImportRequest,
  AddressImportResponse,
  PersonAddressRequest,
  PersonAddressResponse,
  UnitNoticeChannelsRequest,
  UnitNoticeChannelsResponse,
} from './channel-addresses.dto';

const ADDRESS_ERRORS = ['DINGTALK_USERID_INVALID', 'WECOM_USERID_INVALID', 'MOBILE_INVALID'];

/** Where people are reached outside the engine (DingTalk, WeCom, SMS), and which channels a unit's notices use. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin')
@Roles('admin')
export class ChannelAddressesController {
  constructor(
    private readonly addresses: PersonAddressService,
    private readonly unitChannels: UnitNoticeChannelsService,
  ) {}

  @Get('users/:id/addresses')
  @ApiOperation({ summary: '查看用户的钉钉、企业微信和手机号（手机号脱敏）' })
  @ApiOkResponse({ type: PersonAddressResponse })
  @ApiErrors({ 400: ['INVALID_ID'], 403: ['ROLE_REQUIRED'], 404: ['USER_NOT_FOUND'] })
  getAddresses(@Param('id', uuidParam()) id: string): Promise<PersonAddressView> {
    return this.addresses.get(id);
  }

  @Put('users/:id/addresses')
  @ApiOperation({ summary: '设置用户的钉钉、企业微信和手机号' })
  @ApiOkResponse({ type: PersonAddressResponse })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', ...ADDRESS_ERRORS],
    403: ['ROLE_REQUIRED'],
    404: ['USER_NOT_FOUND'],
    409: ['DINGTALK_USERID_TAKEN', 'WECOM_USERID_TAKEN'],
    503: ['MOBILE_KEY_NOT_CONFIGURED'],
  })
  setAddresses(
    @Param('id', uuidParam()) id: string,
    @Body() request: PersonAddressRequest,
  ): Promise<PersonAddressView> {
    return this.addresses.set(id, request);
  }

  /** All rows or none: a 400 lists every bad row by line in `details.rows`. */
  @Post('user-addresses/import')
  @HttpCode(200)
  @ApiOperation({ summary: '从 CSV 批量导入用户的钉钉、企业微信和手机号' })
  @ApiOkResponse({ type: AddressImportResponse })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'CSV_EMPTY', 'CSV_ROWS_INVALID'],
    403: ['ROLE_REQUIRED'],
    503: ['MOBILE_KEY_NOT_CONFIGURED'],
  })
  importAddresses(@Body() request: AddressImportRequest): Promise<{ imported: number }> {
    return this.addresses.importCsv(request.csv);
  }

  @Get('units/:code/notice-channels')
  @ApiOperation({ summary: '查看单位各类通知的推送渠道' })
  @ApiOkResponse({ type: UnitNoticeChannelsResponse })
  @ApiErrors({ 403: ['ROLE_REQUIRED'], 404: ['UNIT_NOT_FOUND'] })
  async getUnitChannels(@Param('code') code: string): Promise<UnitNoticeChannelsResponse> {
    return { unitCode: code, choices: await this.unitChannels.get(code) };
  }

  @Put('units/:code/notice-channels')
  @ApiOperation({ summary: '设置单位各类通知的推送渠道（站内信始终开启）' })
  @ApiOkResponse({ type: UnitNoticeChannelsResponse })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'UNKNOWN_NOTICE_KIND', 'UNKNOWN_CHANNEL', 'SMS_ONLY_FOR_ESCALATION'],
    403: ['ROLE_REQUIRED'],
    404: ['UNIT_NOT_FOUND'],
  })
  async setUnitChannels(
    @Param('code') code: string,
    @Body() request: UnitNoticeChannelsRequest,
  ): Promise<UnitNoticeChannelsResponse> {
    return { unitCode: code, choices: await this.unitChannels.set(code, request.choices) };
  }
}
