import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@returnlens/api/auth/feature';
import { DatabaseModule } from '@returnlens/api/database/data-access';
import { NotifyModule } from '@returnlens/api/notify/feature';
import { CacheModule } from '@returnlens/api/shared/cache';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';

/**
 * What `npm run digests` needs without serving HTTP: the database, accounts and the notify
 * module (digest builder, deliveries, channels). Its scheduler stays off (NOTIFY=off).
 */
@Module({})
export class NotifyCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: NotifyCliModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(databaseUrl, 'external'),
        CacheModule,
        AuthModule,
        NotifyModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
