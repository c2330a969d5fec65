import { Controller, Get, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { METRIC_DEFINITIONS } from '@returnlens/shared/contracts';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import { ApiErrorResponses, ApiTabularAnswer, minuteNow } from '@returnlens/api/shared/util';
import { FilterErrorFilter } from './filter-error.filter';
import { filtersOf, pageOf, weeklyFiltersOf } from '@returnlens/api/analytics/util';
import {
  FeedbackQuery,
  ParetoQuery,
  RecordsQuery,
  ScorecardsQuery,
  SlaQuery,
  TextQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import { TabularInterceptor } from './tabular.interceptor';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';
import {
  AnalyticsQueryDto,
  ClaimRecordsQueryDto,
  FeedbackRecordsQueryDto,
  MatrixQueryDto,
  ProductsQueryDto,
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
  MetricDefinitionsDto,
  ParetoResultDto,
  ProductScorecardDto,
  ReasonMatrixDto,
  ReasonMismatchReportDto,
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

  /** SLA as of now, or `asOf` an instant (open claims judged at that moment). */
  @Get('sla')
  @Allow('sla')
  @ApiTabularAnswer(SlaReportDto)
  sla(@Query() q: SlaQueryDto) {
    return this.slaQuery.sla(filtersOf(q), q.clock, q.asOf ?? minuteNow());
  }

  @Get('feedback')
  @Allow('feedback')
  @ApiTabularAnswer(FeedbackReportDto)
  feedback(@Query() q: AnalyticsQueryDto) {
    return this.feedbackQuery.feedback(filtersOf(q));
  }

  @Get('kpis')
  @Allow('claims')
  @ApiTabularAnswer(KpiSetDto)
  kpis(@Query() q: AnalyticsQueryDto) {
    return this.feedbackQuery.kpis(filtersOf(q));
  }

  /**
   * The claims behind a figure: pass the figure's filters (a week cell: from = to = week).
   * Every field, SLA instants and handling included: the `claims` permission only. The
   * supplier pages drill into records/supplier-claims.
   */
  @Get('records/claims')
  @Allow('claims')
  @ApiTabularAnswer(ClaimRecordsPageDto)
  claimRecords(@Query() q: ClaimRecordsQueryDto) {
    return this.records.claimRecords(filtersOf(q), pageOf(q), { mismatch: q.mismatch === 'true' });
  }

  /**
   * The claims behind a supplier or product figure, as a buyer may read them: product, reason
   * and the customer's words, without how the claim was handled (docs/security.md).
   */
  @Get('records/supplier-claims')
  @Allow('suppliers')
  @ApiTabularAnswer(SupplierClaimRecordsPageDto)
  supplierClaimRecords(@Query() q: SupplierClaimRecordsQueryDto) {
    return this.records.supplierClaimRecords(filtersOf(q), pageOf(q));
  }

  @Get('records/feedback')
  @Allow('feedback')
  @ApiTabularAnswer(FeedbackRecordsPageDto)
  feedbackRecords(@Query() q: FeedbackRecordsQueryDto) {
    return this.records.feedbackRecords(
      { ...filtersOf(q), rating: q.rating, label: q.label },
      pageOf(q),
    );
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

  /** What every metric means; takes no filters (any parameter but `format` is ignored). */
  @Get('definitions')
  @ApiTabularAnswer(MetricDefinitionsDto)
  definitions() {
    return { metrics: METRIC_DEFINITIONS };
  }
}
