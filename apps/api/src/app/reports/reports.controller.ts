import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { parseIsoWeek } from '@returnlens/shared/metrics';
import { WeeklyReportQueryDto } from './dto/weekly-report-query.dto';
import { WeeklyReportService } from './weekly-report.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly weekly: WeeklyReportService) {}

  @Get('weekly')
  weeklyReport(@Query() query: WeeklyReportQueryDto): Promise<WeeklyReport> {
    let week;
    try {
      week = query.week ? parseIsoWeek(query.week) : undefined;
    } catch (error) {
      throw new BadRequestException({ field: 'week', message: (error as Error).message });
    }
    return this.weekly.weeklyReport(week);
  }
}
