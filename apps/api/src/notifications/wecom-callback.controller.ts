import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { WecomCallbackGate, type WecomCallbackQuery } from '@app/notifications';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { WecomCallbackQueryDto, WecomUrlVerificationQueryDto } from './wecom-callback.dto';
import { WecomAcknowledger } from './wecom-acknowledger';

const REFUSED = {
  400: ['VALIDATION_FAILED', 'WECOM_CALLBACK_UNREADABLE'],
  403: ['WECOM_SIGNATURE_INVALID', 'WECOM_CALLBACK_EXPIRED'],
  409: ['WECOM_CALLBACK_REPLAYED'],
  503: ['WECOM_NOT_CONFIGURED'],
};

function callbackQuery(query: WecomCallbackQueryDto): WecomCallbackQuery {
  return { msgSignature: query.msg_signature, timestamp: query.timestamp, nonce: query.nonce };
}

/**
 * The WeCom app's 接收消息 URL. WeCom cannot log in, so the route is public to the token guard and
 * acts only on what WecomCallbackGate admits: signed, decryptable, fresh and never seen before.
 */
@ApiTags('notifications')
@Public()
@Controller('channels/wecom/callback')
export class WecomCallbackController {
  constructor(
    private readonly gate: WecomCallbackGate,
    private readonly acknowledger: WecomAcknowledger,
  ) {}

  // The content type is set on success only: a refusal stays the usual JSON error.
  @Get()
  @ApiOperation({ summary: '企业微信回调地址验证：校验签名并返回解密后的 echostr' })
  @ApiOkResponse({ description: 'The decrypted echostr', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiErrors(REFUSED, { public: true })
  async verifyWecomCallbackUrl(
    @Query() query: WecomUrlVerificationQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    // Base64 holds no spaces: a '+' that arrived unencoded was read as one.
    const echo = await this.gate.verifyUrl(callbackQuery(query), query.echostr.replaceAll(' ', '+'));
    response.type('text/plain; charset=utf-8');
    return echo;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '企业微信事件回调：模板卡片按钮“签收”以该成员身份签收任务' })
  @ApiConsumes('text/xml')
  @ApiBody({
    description: 'WeCom’s envelope: <xml><ToUserName/><AgentID/><Encrypt/></xml>',
    schema: { type: 'string' },
  })
  @ApiOkResponse({
    description: 'Empty, or the encrypted update_button reply (已签收 or 签收未成功) for a 签收 click',
    content: { 'text/xml': { schema: { type: 'string' } } },
  })
  @ApiErrors(REFUSED, { public: true })
  async receiveWecomCallback(
    @Query() query: WecomCallbackQueryDto,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const reply = await this.acknowledger.handle(callbackQuery(query), typeof body === 'string' ? body : '');
    response.type('text/xml; charset=utf-8');
    return reply;
  }
}
