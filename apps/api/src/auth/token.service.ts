import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type SignedInUser, UserService } from '@app/access';
import { DomainError } from '@app/common';

/** What a token says: whose it is and which credentials version it was issued under; the rest is read per request. */
interface TokenClaims {
  sub: string;
  ver: number;
}

export function claimsOf(user: Pick<SignedInUser, 'userId' | 'credentialsVersion'>): TokenClaims {
  return { sub: user.userId, ver: user.credentialsVersion };
}

/**
 * Issues tokens and judges one against the user as they are now: a valid signature is not enough,
 * the user must still be active with the same credentials version (see UserService.current).
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UserService,
  ) {}

  issue(user: SignedInUser): Promise<string> {
    return this.jwt.signAsync(claimsOf(user));
  }

  async userOf(token: string): Promise<SignedInUser> {
    const claims = await this.verified(token);
    const user = await this.users.current(claims.sub, claims.ver);
    if (!user)
      throw new DomainError('unauthenticated', 'TOKEN_REVOKED', '登录已失效（账号已停用、变更或已退出），请重新登录');
    return user;
  }

  private async verified(token: string): Promise<TokenClaims> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token);
      if (typeof claims.sub === 'string' && Number.isInteger(claims.ver) && isUuid(claims.sub))
        return { sub: claims.sub, ver: claims.ver! };
    } catch {
      // An expired, forged or malformed token: the same answer as a token without our claims.
    }
    throw new DomainError('unauthenticated', 'TOKEN_INVALID', '登录令牌无效或已过期，请重新登录');
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
