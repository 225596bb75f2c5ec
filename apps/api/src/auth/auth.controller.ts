import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { type Actor, UserAdminService, UserService } from '@app/access';
import { AppConfig } from '@app/common';
import { QUEUE_BOARD_ROUTE, SESSION_COOKIE } from '../admin/queue-board-access';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { bearerToken } from './token.guard';
import { ApiErrors } from '../http/api-errors';
import { ActorResponse } from '../workflow/progress.responses';
import { TokenService } from './token.service';

export class LoginRequest {
  @ApiProperty({ example: 'supervisor' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class LoginResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 3600 })
  expiresIn: number;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserService,
    private readonly userAdmin: UserAdminService,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiOperation({ summary: '登录：用户名和密码换取访问令牌' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 401: ['INVALID_CREDENTIALS'], 429: ['TOO_MANY_REQUESTS'] }, { public: true })
  async login(@Body() request: LoginRequest): Promise<LoginResponse> {
    const actor = await this.users.authenticate(request.username, request.password);
    return { accessToken: await this.tokens.issue(actor), expiresIn: this.config.JWT_TTL_SECONDS };
  }

  /** Ends every token of the caller (the credentials version moves on); the next request needs a new login. */
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：本用户的全部令牌失效' })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiErrors({})
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.userAdmin.revokeTokens({ ...actor, userId: actor.userId! });
  }

  /**
   * Hands the caller's token to the browser as the queue dashboard's cookie: HttpOnly (no script reads
   * it), SameSite=Strict and scoped to the dashboard's path, so no other page or site sends it.
   */
  @Post('dashboard-session')
  @HttpCode(204)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '队列看板会话：把令牌以 HttpOnly Cookie 交给浏览器' })
  @ApiNoContentResponse({ description: 'Cookie set for /admin/queues' })
  @ApiErrors({ 403: ['ROLE_REQUIRED'] })
  dashboardSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.cookie(SESSION_COOKIE, bearerToken(request), {
      httpOnly: true,
      sameSite: 'strict',
      path: QUEUE_BOARD_ROUTE,
      secure: request.secure,
      maxAge: this.config.JWT_TTL_SECONDS * 1000,
    });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: ActorResponse })
  @ApiOperation({ summary: '当前登录用户' })
  @ApiErrors({})
  getCurrentUser(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
