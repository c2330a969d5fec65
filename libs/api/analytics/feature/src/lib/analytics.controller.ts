import { Controller, Get, Query, Req, UseFilters, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import {
  ApiErrorResponses,
  ApiTabularAnswer,
  minuteNow,
  requestedFormat,
} from '@returnlens/api/shared/util';
import { FilterErrorFilter } from './filter-error.filter';
import { filtersOf, pageOf, weeklyFiltersOf } from '@returnlens/api/analytics/util';
import {
  FeedbackQuery,
  KpisQuery,
  ParetoQuery,
  RecordsQuery,
  ReturnsQuery,
  ScorecardsQuery,
  SLA_LIST_LIMIT,
  SlaQuery,
  TextQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import { ExportsEveryRow, TabularInterceptor } from './tabular.interceptor';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';
import {
  AnalyticsQueryDto,
  ClaimRecordsQueryDto,
  FeedbackRecordsQueryDto,
  MatrixQueryDto,
  ProductsQueryDto,
  ReturnRatesQueryDto,
  SlaQueryDto,
  SupplierClaimRecordsQueryDto,
  WeeklyQueryDto,
} from './dto/analytics-query.dto';
import {
  AspectsReportDto,
  ClaimRecordsPageDto,
  FeedbackRecordsPageDto,
  FeedbackReportDto,
  KpiSetDto,
  ParetoResultDto,
  ProductScorecardDto,
  ReasonMatrixDto,
  ReasonMismatchReportDto,
  ReturnRateReportDto,
  SlaReportDto,
  SupplierClaimRecordsPageDto,
  SupplierScorecardDto,
  WeeklyReportDto,
} from './dto/analytics-response.dto';

/**
 * One endpoint per question a page asks. All take the same filters (`from`, `to`, `supplier`,
 * `product`, `category`, `channel`, `type`, `reasonCategory`, `reason`, `language`) and answer
 * JSON, CSV (`?format=csv`) or Arrow IPC (`?format=arrow`). Each route's query schema
 * (dto/analytics-query.dto.ts) parses and checks its parameters, refusing unknown ones; the
 * period itself is checked when it is resolved in the shop's time zone (FilterError).
 */
@ApiTags('analytics')
@ApiErrorResponses(400, 401, 403, 503)
@Controller('analytics')
@UseInterceptors(TabularInterceptor, AnswerCacheInterceptor)
@UseFilters(FilterErrorFilter)
export class AnalyticsController {
  constructor(
    private readonly weeklyQuery: WeeklyQuery,
    private readonly paretoQuery: ParetoQuery,
    private readonly scorecards: ScorecardsQuery,
    private readonly slaQuery: SlaQuery,
    private readonly feedbackQuery: FeedbackQuery,
    private readonly records: RecordsQuery,
    private readonly returns: ReturnsQuery,
    private readonly kpiQuery: KpisQuery,
    private readonly text: TextQuery,
  ) {}

  @Get('weekly')
  @Allow('claims')
  @ApiTabularAnswer(WeeklyReportDto)
  weekly(@Query() q: WeeklyQueryDto) {
    return this.weeklyQuery.weekly(weeklyFiltersOf(q));
  }

  @Get('pareto')
  @Allow('claims', 'suppliers')
  @ApiTabularAnswer(ParetoResultDto)
  pareto(@Query() q: AnalyticsQueryDto) {
    return this.paretoQuery.pareto(filtersOf(q));
  }

  @Get('matrix')
  @Allow('claims', 'suppliers')
  @ApiTabularAnswer(ReasonMatrixDto)
  matrix(@Query() q: MatrixQueryDto) {
    return this.paretoQuery.matrix(filtersOf(q), q.by);
  }

  @Get('suppliers')
  @Allow('suppliers')
  @ApiTabularAnswer(SupplierScorecardDto)
  suppliers(@Query() q: AnalyticsQueryDto) {
    return this.scorecards.suppliers(filtersOf(q));
  }

  @Get('products')
  @Allow('suppliers')
  @ApiTabularAnswer(ProductScorecardDto)
  products(@Query() q: ProductsQueryDto) {
    return this.scorecards.products(filtersOf(q), q.limit);
  }

  /**
   * Return rate by order cohort per supplier, product or category: the mature cohorts of the
   * period, and the still-open ones apart (docs/metrics.md, "Return rate").
   */
  @Get('return-rates')
  @Allow('claims', 'suppliers')
  @ApiTabularAnswer(ReturnRateReportDto)
  returnRates(@Query() q: ReturnRatesQueryDto) {
    return this.returns.returnRates(filtersOf(q), q.by);
  }

  /** SLA as of now, or `asOf` an instant (open claims judged at that moment). */
  @Get('sla')
  @Allow('sla')
  @ApiTabularAnswer(SlaReportDto)
  sla(@Query() q: SlaQueryDto) {
    return this.slaQuery.sla(
      filtersOf(q),
      q.clock,
      q.asOf ?? minuteNow(),
      false,
      q.lists === 'all' ? null : SLA_LIST_LIMIT,
    );
  }

  @Get('feedback')
  @Allow('feedback')
  @ApiTabularAnswer(FeedbackReportDto)
  feedback(@Query() q: AnalyticsQueryDto) {
    return this.feedbackQuery.feedback(filtersOf(q));
  }

  /** The case-study strip: processing time, satisfaction, repeat contacts, share returned. */
  @Get('kpis')
  @Allow('claims')
  @ApiTabularAnswer(KpiSetDto)
  kpis(@Query() q: AnalyticsQueryDto) {
    return this.kpiQuery.kpis(filtersOf(q));
  }

  /**
   * The claims behind a figure: pass the figure's filters (a week cell: from = to = week).
   * Every field, SLA instants and handling included: the `claims` permission only. The
   * supplier pages drill into records/supplier-claims. As CSV or Arrow every records route
   * answers every matching row, sorted (`page` and `pageSize` do not apply), streamed.
   */
  @Get('records/claims')
  @Allow('claims')
  @ApiTabularAnswer(ClaimRecordsPageDto)
  @ExportsEveryRow()
  claimRecords(@Query() q: ClaimRecordsQueryDto, @Req() req: Request) {
    const options = {
      mismatch: q.mismatch === 'true',
      defect: q.defect === 'true',
      cohort: q.cohort === 'true',
      resolution: q.resolution,
      currency: q.currency,
      money: q.money,
      ...(q.outcome && {
        sla: {
          outcome: q.outcome,
          policy: q.policy,
          assignee: q.assignee,
          asOf: q.asOf ?? minuteNow(),
        },
      }),
    };
    return requestedFormat(req) === 'json'
      ? this.records.claimRecords(filtersOf(q), pageOf(q), options)
      : this.records.claimExport(filtersOf(q), pageOf(q), options);
  }

  /**
   * The claims behind a supplier or product figure, as a buyer may read them: product, reason
   * and the customer's words, without how the claim was handled (docs/security.md).
   */
  @Get('records/supplier-claims')
  @Allow('suppliers')
  @ApiTabularAnswer(SupplierClaimRecordsPageDto)
  @ExportsEveryRow()
  supplierClaimRecords(@Query() q: SupplierClaimRecordsQueryDto, @Req() req: Request) {
    const options = { defect: q.defect === 'true', cohort: q.cohort === 'true' };
    return requestedFormat(req) === 'json'
      ? this.records.supplierClaimRecords(filtersOf(q), pageOf(q), options)
      : this.records.supplierClaimExport(filtersOf(q), pageOf(q), options);
  }

  @Get('records/feedback')
  @Allow('feedback')
  @ApiTabularAnswer(FeedbackRecordsPageDto)
  @ExportsEveryRow()
  feedbackRecords(@Query() q: FeedbackRecordsQueryDto, @Req() req: Request) {
    const filters = { ...filtersOf(q), rating: q.rating, label: q.label, delivery: q.delivery };
    return requestedFormat(req) === 'json'
      ? this.records.feedbackRecords(filters, pageOf(q))
      : this.records.feedbackExport(filters, pageOf(q));
  }

  /** Review aspects with their sentiment, and the products whose reviews and returns agree. */
  @Get('aspects')
  @Allow('feedback')
  @ApiTabularAnswer(AspectsReportDto)
  aspects(@Query() q: AnalyticsQueryDto) {
    return this.text.aspects(filtersOf(q));
  }

  /** Stated reasons the claim's own text contradicts (records: records/claims?mismatch=true). */
  @Get('reason-mismatches')
  @Allow('claims')
  @ApiTabularAnswer(ReasonMismatchReportDto)
  reasonMismatches(@Query() q: AnalyticsQueryDto) {
    return this.text.reasonMismatches(filtersOf(q));
  }
}
