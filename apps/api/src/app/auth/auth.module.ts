import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccountsService } from './accounts.service';
import { AdminController } from './admin.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { RateLimitGuard } from './rate-limit.guard';

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
  ],
  exports: [AccountsService, RateLimitGuard, AuthGuard],
})
export class AuthModule {}
