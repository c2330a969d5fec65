import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  AccountsService,
  addressOf,
  AuthGuard,
  RateLimitGuard,
  unlessNamed,
} from '@returnlens/api/auth/data-access';
import { AnswerAccess } from '@returnlens/api/shared/cache';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';
import { PASSWORD_ADDRESS_LIMIT, PASSWORD_USER_LIMIT } from './rate-limits';

const MINUTE = 60_000;

/** Accounts, sessions, tokens; the guard every route passes through; rate limits. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'login', ttl: MINUTE, limit: config.loginRateLimit },
          { name: 'ingest', ttl: MINUTE, limit: config.ingestRateLimit },
          // Guessing the current password with a stolen session is limited like sign-in.
          {
            name: PASSWORD_USER_LIMIT,
            ttl: MINUTE,
            limit: config.loginRateLimit,
            skipIf: unlessNamed(PASSWORD_USER_LIMIT),
          },
          {
            name: PASSWORD_ADDRESS_LIMIT,
            ttl: MINUTE,
            limit: config.loginRateLimit,
            skipIf: unlessNamed(PASSWORD_ADDRESS_LIMIT),
            getTracker: addressOf,
          },
        ],
        errorMessage: (_context, detail) =>
          `Too many requests: wait ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} s and try again.`,
      }),
    }),
  ],
  controllers: [AuthController, AdminController],
  providers: [
    AccountsService,
    RateLimitGuard,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
    // The answer cache checks access with the same decision before it serves a stored answer.
    { provide: AnswerAccess, useExisting: AuthGuard },
  ],
  exports: [AccountsService, RateLimitGuard, AuthGuard, AnswerAccess],
})
export class AuthModule {}
