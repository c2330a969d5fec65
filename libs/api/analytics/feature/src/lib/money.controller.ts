import { Controller, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import { MoneyQuery } from '@returnlens/api/analytics/data-access';
import { filtersOf } from '@returnlens/api/analytics/util';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';
import { ApiErrorResponses, ApiTabularAnswer } from '@returnlens/api/shared/util';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';
import {
  MoneyReportDto,
  ResolutionsReportDto,
  SupplierResolutionsReportDto,
} from './dto/money.dto';
import { FilterErrorFilter } from './filter-error.filter';
import { TabularInterceptor } from './tabular.interceptor';

/**
 * How claims end and what they cost (docs/metrics.md, "Money and resolutions"). Money is how a
 * claim was handled: the `claims` permission. A buyer reads the resolution mix per supplier
 * as counts, without money (docs/security.md). Each answer is the same for every caller who
 * may read it, so the answer cache serves it to all of them.
 */
@ApiTags('analytics')
@ApiErrorResponses(400, 401, 403, 503)
@Controller('analytics')
@UseInterceptors(TabularInterceptor, AnswerCacheInterceptor)
@UseFilters(FilterErrorFilter)
export class MoneyController {
  constructor(private readonly money: MoneyQuery) {}

  /** The resolution mix per opening week, reason and supplier, with its money per currency. */
  @Get('resolutions')
  @Allow('claims')
  @ApiTabularAnswer(ResolutionsReportDto)
  resolutions(@Query() q: AnalyticsQueryDto) {
    return this.money.resolutions(filtersOf(q));
  }

  /** The resolution mix per supplier: claims and units, no money. */
  @Get('resolutions/suppliers')
  @Allow('claims', 'suppliers')
  @ApiTabularAnswer(SupplierResolutionsReportDto)
  supplierResolutions(@Query() q: AnalyticsQueryDto) {
    return this.money.supplierResolutions(filtersOf(q));
  }

  /** Refunds paid and handling costs per week, and the cost of poor quality per supplier, product and reason. */
  @Get('money')
  @Allow('claims')
  @ApiTabularAnswer(MoneyReportDto)
  moneyReport(@Query() q: AnalyticsQueryDto) {
    return this.money.money(filtersOf(q));
  }
}
