import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@returnlens/shared/contracts';
import { MIGRATIONS } from './data-source';
import { DATABASE_MODE, type DatabaseMode } from './database-mode';

/** Whether the database answers and every migration is applied. */
@Injectable()
export class DatabaseHealth {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
  ) {}

  async check(): Promise<HealthReport> {
    const known = MIGRATIONS.map((migration) => migration.name);
    try {
      const [{ version }] = await this.dataSource.query<{ version: string }[]>(
        `SELECT current_setting('server_version') AS version`,
      );
      const rows = await this.dataSource.query<{ name: string }[]>(
        `SELECT name FROM ${this.dataSource.options.migrationsTableName ?? 'migrations'} ORDER BY id`,
      );
      const applied = rows.map((row) => row.name);
      const pending = known.filter((name) => !applied.includes(name));
      return {
        status: pending.length ? 'degraded' : 'ok',
        database: { reachable: true, mode: this.mode, serverVersion: version },
        migrations: { applied, pending, upToDate: pending.length === 0 },
      };
    } catch (error) {
      return {
        status: 'degraded',
        database: {
          reachable: false,
          mode: this.mode,
          serverVersion: null,
          error: error instanceof Error ? error.message.split('\n')[0] : 'unknown error',
        },
        migrations: { applied: [], pending: known, upToDate: false },
      };
    }
  }
}
