import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@returnlens/api/auth/data-access';
import type { Response } from 'express';
import type { HealthReport } from '@returnlens/shared/contracts';
import { DatabaseHealth } from '@returnlens/api/database/data-access';
import { ApiAnswer, RETRY_AFTER_SECONDS } from '@returnlens/api/shared/util';
import { HealthReportDto } from './dto/health.dto';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  /** 200 when the database answers and every migration is applied, 503 otherwise. */
  @Get()
  @ApiAnswer(HealthReportDto, {
    description: 'The database answers and every migration is applied',
  })
  @ApiAnswer(HealthReportDto, {
    status: 503,
    description: 'Degraded: the database is unreachable or migrations are pending (Retry-After)',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.database.check();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    if (report.status !== 'ok') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return report;
  }
}
