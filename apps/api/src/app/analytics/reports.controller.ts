import { Controller, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { weeklyFilters } from './analytics.period';
import { AnalyticsService } from './analytics.service';
import { FilterErrorFilter } from './filter-error.filter';
import { ResponseCache } from './response-cache';
import { CoalesceInterceptor } from './coalesce.interceptor';

/** The weekly report at its first address (`?week=2026-W47` plus the analytics filters). */
@ApiTags('analytics')
@Controller('reports')
@UseFilters(FilterErrorFilter)
@UseInterceptors(ResponseCache, CoalesceInterceptor)
export class ReportsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('weekly')
  @Allow('claims')
  weekly(@Query() q: Record<string, unknown>): Promise<WeeklyReport> {
    return this.analytics.weekly(weeklyFilters(q));
  }
}
