import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AnalyticsModule } from '@returnlens/api/analytics/feature';
import { AuthModule } from '@returnlens/api/auth/feature';
import { DatabaseModule, type DatabaseMode } from '@returnlens/api/database/data-access';
import { DemoDataModule } from '@returnlens/api/demo-data/data-access';
import { HealthModule } from '@returnlens/api/health/feature';
import { IngestModule } from '@returnlens/api/ingest/feature';
import { NotifyModule } from '@returnlens/api/notify/feature';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { SettingsModule } from '@returnlens/api/settings/feature';
import { CacheModule } from '@returnlens/api/shared/cache';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';

/** The whole API: each library's module, the database, and the dashboard's files. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, mode: DatabaseMode): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(databaseUrl, mode),
        // The dashboard on the same port: `/` and every deep link get index.html.
        ServeStaticModule.forRoot({
          rootPath: config.webDist,
          exclude: ['/api/{*path}'],
          serveStaticOptions: { index: 'index.html', maxAge: '1h' },
        }),
        CacheModule,
        AuthModule,
        HealthModule,
        RollupsModule,
        AnalyticsModule,
        SettingsModule,
        IngestModule,
        DemoDataModule,
        NotifyModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
