import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { type Actor, hasAnyRole, type Role } from '@app/access';
import { DomainError } from '@app/common';
import { type AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

interface TokenClaims {
  sub: string;
  username: string;
  unit: string;
  roles: Role[];
}

export function claimsOf(actor: Actor & { userId: string }): TokenClaims {
  return { sub: actor.userId, username: actor.username, unit: actor.unitCode, roles: actor.roles };
}

/** Every route needs a valid bearer token unless marked @Public; @Roles narrows it further. */
@Injectable()
export class TokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const actor = await this.actorOf(request);
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !hasAnyRole(actor, required)) {
      throw new DomainError('forbidden', 'ROLE_REQUIRED', `此操作需要以下角色之一：${required.join('、')}`, {
        requiredRoles: required,
      });
    }
    return true;
  }

  private async actorOf(request: Request): Promise<Actor> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token)
      throw new DomainError('unauthenticated', 'TOKEN_MISSING', '请先登录（缺少 Bearer 令牌）');
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return { userId: claims.sub, username: claims.username, unitCode: claims.unit, roles: claims.roles };
    } catch {
      throw new DomainError('unauthenticated', 'TOKEN_INVALID', '登录令牌无效或已过期，请重新登录');
    }
  }
}
