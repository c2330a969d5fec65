import {
  BadRequestException,
  Controller,
  Get,
  Query,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import {
  MATRIX_DIMENSIONS,
  METRIC_DEFINITIONS,
  SLA_CLOCKS,
  type MatrixDimension,
  type SlaClock,
} from '@returnlens/shared/contracts';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@returnlens/api/auth/data-access';
import { ApiAnalyticsQuery } from '@returnlens/api/shared/util';
import { FilterErrorFilter } from './filter-error.filter';
import { parseFilters, weeklyFilters } from '@returnlens/api/analytics/util';
import {
  FeedbackQuery,
  ParetoQuery,
  RecordsQuery,
  ScorecardsQuery,
  SlaQuery,
  TextQuery,
  WeeklyQuery,
} from '@returnlens/api/analytics/data-access';
import { CLAIM_SORTS, FEEDBACK_SORTS, parsePage } from '@returnlens/api/analytics/util';
import { TabularInterceptor } from './tabular.interceptor';
import { AnswerCacheInterceptor } from '@returnlens/api/shared/cache';
import { minuteNow } from '@returnlens/api/shared/util';

type QueryParams = Record<string, unknown>;

const PAGE_PARAMS = ['page', 'pageSize', 'sort', 'order'];

const list = (v: unknown) =>
  typeof v === 'string' && v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/**
 * One endpoint per question a page asks. All take the same filters (`from`, `to`, `supplier`,
 * `product`, `category`, `channel`, `type`, `reasonCategory`, `reason`, `language`) and answer
 * JSON, CSV (`?format=csv`) or Arrow IPC (`?format=arrow`).
 */
@ApiTags('analytics')
@ApiAnalyticsQuery()
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
  weekly(@Query() q: QueryParams) {
    return this.weeklyQuery.weekly(weeklyFilters(q));
  }

  @Get('pareto')
  @Allow('claims', 'suppliers')
  pareto(@Query() q: QueryParams) {
    return this.paretoQuery.pareto(parseFilters(q));
  }

  @Get('matrix')
  @Allow('claims', 'suppliers')
  matrix(@Query() q: QueryParams) {
    const by = (q['by'] ?? 'supplier') as MatrixDimension;
    if (!MATRIX_DIMENSIONS.includes(by))
      throw new BadRequestException({
        field: 'by',
        message: `by is one of ${MATRIX_DIMENSIONS.join(', ')}`,
      });
    return this.paretoQuery.matrix(parseFilters(q, ['by']), by);
  }

  @Get('suppliers')
  @Allow('suppliers')
  suppliers(@Query() q: QueryParams) {
    return this.scorecards.suppliers(parseFilters(q));
  }

  @Get('products')
  @Allow('suppliers')
  products(@Query() q: QueryParams) {
    const limit = q['limit'] === undefined ? 50 : Number(q['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new BadRequestException({
        field: 'limit',
        message: 'limit is a whole number from 1 to 1000',
      });
    return this.scorecards.products(parseFilters(q, ['limit']), limit);
  }

  /** SLA as of now, or `asOf` an instant (open claims judged at that moment). */
  @Get('sla')
  @Allow('sla')
  sla(@Query() q: QueryParams) {
    const clock = (q['clock'] ?? 'calendar') as SlaClock;
    if (!SLA_CLOCKS.includes(clock))
      throw new BadRequestException({
        field: 'clock',
        message: `clock is one of ${SLA_CLOCKS.join(', ')}`,
      });
    const asOf = q['asOf'];
    let now = minuteNow();
    if (asOf !== undefined) {
      now = new Date(String(asOf));
      if (typeof asOf !== 'string' || Number.isNaN(now.getTime()))
        throw new BadRequestException({
          field: 'asOf',
          message: 'asOf is an ISO 8601 instant such as 2026-03-02T09:00:00Z',
        });
    }
    return this.slaQuery.sla(parseFilters(q, ['clock', 'asOf']), clock, now);
  }

  @Get('feedback')
  @Allow('feedback')
  feedback(@Query() q: QueryParams) {
    return this.feedbackQuery.feedback(parseFilters(q));
  }

  @Get('kpis')
  @Allow('claims')
  kpis(@Query() q: QueryParams) {
    return this.feedbackQuery.kpis(parseFilters(q));
  }

  /** The claims behind a figure: pass the figure's filters (a week cell: from = to = week). */
  @Get('records/claims')
  @Allow('claims', 'suppliers')
  claimRecords(@Query() q: QueryParams) {
    const mismatch = q['mismatch'];
    if (mismatch !== undefined && mismatch !== 'true' && mismatch !== 'false')
      throw new BadRequestException({ field: 'mismatch', message: 'mismatch is true or false' });
    return this.records.claimRecords(
      parseFilters(q, [...PAGE_PARAMS, 'mismatch']),
      parsePage(q, CLAIM_SORTS, 'openedAt'),
      { mismatch: mismatch === 'true' },
    );
  }

  @Get('records/feedback')
  @Allow('feedback')
  feedbackRecords(@Query() q: QueryParams) {
    return this.records.feedbackRecords(
      {
        ...parseFilters(q, [...PAGE_PARAMS, 'rating', 'label']),
        rating: list(q['rating']),
        label: list(q['label']),
      },
      parsePage(q, FEEDBACK_SORTS, 'createdAt'),
    );
  }

  /** Review aspects with their sentiment, and the products whose reviews and returns agree. */
  @Get('aspects')
  @Allow('feedback')
  aspects(@Query() q: QueryParams) {
    return this.text.aspects(parseFilters(q));
  }

  /** Stated reasons the claim's own text contradicts (records: records/claims?mismatch=true). */
  @Get('reason-mismatches')
  @Allow('claims')
  reasonMismatches(@Query() q: QueryParams) {
    return this.text.reasonMismatches(parseFilters(q));
  }

  @Get('definitions')
  definitions() {
    return { metrics: METRIC_DEFINITIONS };
  }
}
