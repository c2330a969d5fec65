import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule, type DatabaseMode } from './database/database.module';
import { DemoDataModule } from './demo-data/demo-data.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthModule } from './auth/auth.module';
import { RollupsModule } from './rollups/rollups.module';
import { SettingsModule } from './settings/settings.module';

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
        AuthModule,
        HealthModule,
        RollupsModule,
        AnalyticsModule,
        SettingsModule,
        IngestModule,
        DemoDataModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
