import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { hasAnyRole, type Role } from '@app/access';
import { DomainError } from '@app/common';
import { type AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { TokenService } from './token.service';

/** Every route needs a valid bearer token of a current user unless marked @Public; @Roles narrows it further. */
@Injectable()
export class TokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const { credentialsVersion: _version, ...actor } = await this.tokens.userOf(bearerToken(request));
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !hasAnyRole(actor, required)) {
      throw new DomainError('forbidden', 'ROLE_REQUIRED', `此操作需要以下角色之一：${required.join('、')}`, {
        requiredRoles: required,
      });
    }
    return true;
  }
}

export function bearerToken(request: Request): string {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token)
    throw new DomainError('unauthenticated', 'TOKEN_MISSING', '请先登录（缺少 Bearer 令牌）');
  return token;
}
