import { randomBytes } from 'node:crypto';
import { Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessModule } from '@app/access';
import { AppConfig } from '@app/common';
import { AuthController } from './auth.controller';
import { TokenGuard } from './token.guard';
import { TokenService } from './token.service';

/** Logins per client address per minute: enough for people, too few for guessing. */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

@Module({
  imports: [
    AccessModule,
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: LOGIN_ATTEMPTS_PER_MINUTE }]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.JWT_SECRET)
          new Logger('Auth').warn('JWT_SECRET is not set: using a random secret, tokens end with this process');
        return {
          secret: config.JWT_SECRET ?? randomBytes(48).toString('base64'),
          signOptions: { expiresIn: config.JWT_TTL_SECONDS },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [TokenService, { provide: APP_GUARD, useClass: TokenGuard }],
  exports: [JwtModule, TokenService],
})
export class AuthModule {}
