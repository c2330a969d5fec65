import { Controller, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { weeklyFilters } from '@returnlens/api/analytics/util';
import { WeeklyQuery } from '@returnlens/api/analytics/data-access';
import { FilterErrorFilter } from './filter-error.filter';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';

/** The weekly report at its first address (`?week=2026-W47` plus the analytics filters). */
@ApiTags('analytics')
@Controller('reports')
@UseFilters(FilterErrorFilter)
@UseInterceptors(AnswerCacheInterceptor)
export class ReportsController {
  constructor(private readonly weeklyQuery: WeeklyQuery) {}

  @Get('weekly')
  @Allow('claims')
  weekly(@Query() q: Record<string, unknown>): Promise<WeeklyReport> {
    return this.weeklyQuery.weekly(weeklyFilters(q));
  }
}
