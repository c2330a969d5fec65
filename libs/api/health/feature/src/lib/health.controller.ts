import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@returnlens/api/auth/data-access';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@returnlens/shared/contracts';
import { DATABASE_MODE, type DatabaseMode } from '@returnlens/api/database/data-access';
import { MIGRATIONS } from '@returnlens/api/database/data-access';
import { RETRY_AFTER_SECONDS } from '@returnlens/api/shared/util';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
  ) {}

  /** 200 when the database answers and every migration is applied, 503 otherwise. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const known = MIGRATIONS.map((migration) => migration.name);
    let report: HealthReport;
    try {
      const [{ version }] = await this.dataSource.query<{ version: string }[]>(
        `SELECT current_setting('server_version') AS version`,
      );
      const rows = await this.dataSource.query<{ name: string }[]>(
        `SELECT name FROM ${this.dataSource.options.migrationsTableName ?? 'migrations'} ORDER BY id`,
      );
      const applied = rows.map((row) => row.name);
      const pending = known.filter((name) => !applied.includes(name));
      report = {
        status: pending.length ? 'degraded' : 'ok',
        database: { reachable: true, mode: this.mode, serverVersion: version },
        migrations: { applied, pending, upToDate: pending.length === 0 },
      };
    } catch (error) {
      report = {
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
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (report.status !== 'ok') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return report;
  }
}
