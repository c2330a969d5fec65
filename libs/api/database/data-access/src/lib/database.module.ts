import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseHealth } from './database-health';
import { dataSourceOptions } from './data-source';
import { DATABASE_MODE, type DatabaseMode } from './database-mode';

/**
 * TypeORM on the URL resolved before Nest starts (the embedded server's or DATABASE_URL).
 * Pending migrations run at start-up; `synchronize` stays off.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, mode: DatabaseMode): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url),
          migrationsRun: true,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      providers: [{ provide: DATABASE_MODE, useValue: mode }, DatabaseHealth],
      exports: [DATABASE_MODE, DatabaseHealth],
    };
  }
}
