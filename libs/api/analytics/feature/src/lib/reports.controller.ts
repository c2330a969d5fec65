import { Controller, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { weeklyFiltersOf } from '@returnlens/api/analytics/util';
import { WeeklyQuery } from '@returnlens/api/analytics/data-access';
import { ApiErrorResponses, ApiTabularAnswer } from '@returnlens/api/shared/util';
import { FilterErrorFilter } from './filter-error.filter';
import { TabularInterceptor } from './tabular.interceptor';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';
import { WeeklyQueryDto } from './dto/analytics-query.dto';
import { WeeklyReportDto } from './dto/analytics-response.dto';

/**
 * The weekly report at its first address (`?week=2026-W47` plus the analytics filters), as
 * JSON, CSV or Arrow like every analytics answer.
 */
@ApiTags('analytics')
@ApiErrorResponses(400, 401, 403, 503)
@Controller('reports')
@UseFilters(FilterErrorFilter)
@UseInterceptors(TabularInterceptor, AnswerCacheInterceptor)
export class ReportsController {
  constructor(private readonly weeklyQuery: WeeklyQuery) {}

  @Get('weekly')
  @Allow('claims')
  @ApiTabularAnswer(WeeklyReportDto)
  weekly(@Query() q: WeeklyQueryDto): Promise<WeeklyReport> {
    return this.weeklyQuery.weekly(weeklyFiltersOf(q));
  }
}
