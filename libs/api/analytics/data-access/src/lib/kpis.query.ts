import { Injectable } from '@nestjs/common';
import {
  type AnalyticsFilters,
  type CaseStudyKpi,
  type CaseStudyTargets,
  type KpiSet,
} from '@returnlens/shared/contracts';
import { bucketHours, isoWeekOf, shiftIsoWeek, survivalSummary } from '@returnlens/shared/metrics';
import { minuteNow } from '@returnlens/api/shared/util';
import { AnalyticsReader, ratio, sum, type Context } from './analytics-reader';
import { ReturnsQuery } from './returns.query';
import { SlaQuery } from './sla.query';

/** A satisfied answer: 4 or 5 of 5 (the top two boxes). */
const SATISFIED_FROM = 4;

/** Goods returned: the cohort rate, the units behind it and the order weeks it is of. */
interface ReturnShare {
  readonly value: number | null;
  readonly n: number;
  readonly weeks: string[];
}

/** The figures of one period, with the counts behind them. */
interface Figures {
  readonly processing: { value: number | null; n: number; stillOpen: number };
  readonly satisfaction: { value: number | null; n: number };
  readonly repeat: { value: number | null; n: number };
  readonly negativeReviewShare: number | null;
  readonly claims: number;
}

/**
 * The case-study strip (docs/metrics.md, "Case-study KPIs"): processing time, customer
 * satisfaction, repeat contacts and the share of goods returned — each for the period and
 * the period of equal length before it, against the shop's targets.
 */
@Injectable()
export class KpisQuery {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly returns: ReturnsQuery,
    private readonly sla: SlaQuery,
  ) {}

  async kpis(filters: AnalyticsFilters, now = minuteNow()): Promise<KpiSet> {
    const ctx = await this.reader.context(filters, now);
    const weeks = ctx.period.weeks;
    const previous = await this.reader.context(
      {
        ...filters,
        from: shiftIsoWeek(weeks[0], -weeks.length).week,
        to: shiftIsoWeek(weeks[weeks.length - 1], -weeks.length).week,
      },
      now,
    );
    const [settings, current, before, returns] = await Promise.all([
      this.reader.reportingSettings(),
      this.figures(ctx, now),
      this.figures(previous, now),
      this.returnShare(ctx, now),
    ]);
    // The previous value of "goods returned": as many order weeks just before these.
    const returnsBefore = await this.previousCohorts(filters, returns.weeks, now);
    ctx.raw ||= previous.raw;
    const t: CaseStudyTargets = settings.targets;
    return {
      period: this.reader.periodOf(ctx),
      processingTimeHours: {
        ...kpi(current.processing, before.processing.value, t.processingHours, 'lower'),
        stillOpen: current.processing.stillOpen,
      },
      satisfaction: kpi(current.satisfaction, before.satisfaction.value, t.satisfaction, 'higher'),
      repeatContactRate: kpi(current.repeat, before.repeat.value, t.repeatContact, 'lower'),
      returnShare: {
        ...kpi(returns, returnsBefore, t.returnShare, 'lower'),
        cohortWeeks: returns.weeks,
      },
      negativeReviewShare: current.negativeReviewShare,
      claims: current.claims,
    };
  }

  private async figures(ctx: Context, now: Date): Promise<Figures> {
    const [byType, feedback, processing] = await Promise.all([
      this.reader.cube(ctx, 'claims', ['type'], ['claims', 'repeat_claims']),
      this.reader.cube(ctx, 'feedback', ['source', 'rating', 'label'], ['items']),
      this.processingTime(ctx, now),
    ]);
    const claims = sum(byType, 'claims');
    const rated = feedback.filter(
      (r) => (r.source === 'csat' || r.source === 'survey') && Number(r.rating) > 0,
    );
    const satisfied = rated.filter((r) => Number(r.rating) >= SATISFIED_FROM);
    const labelled = feedback.filter((r) => r.label !== '');
    return {
      processing,
      satisfaction: {
        value: ratio(sum(satisfied, 'items'), sum(rated, 'items')),
        n: sum(rated, 'items'),
      },
      repeat: { value: ratio(sum(byType, 'repeat_claims'), claims), n: claims },
      negativeReviewShare: ratio(
        sum(
          labelled.filter((r) => r.label === 'negative'),
          'items',
        ),
        sum(labelled, 'items'),
      ),
      claims,
    };
  }

  /**
   * Goods returned: the cohort return rate of the period's mature order weeks; when none is
   * mature yet, of the latest mature one before it.
   */
  private async returnShare(ctx: Context, now: Date): Promise<ReturnShare> {
    const cohorts = await this.returns.cohorts(ctx, now);
    let mature = cohorts.weeks.filter((w) => w.mature);
    if (mature.length === 0) {
      const earlier = await this.returns.latestMatureBefore(ctx, now);
      mature = earlier && earlier.unitsSold > 0 ? [earlier] : [];
    }
    const sold = mature.reduce((s, w) => s + w.unitsSold, 0);
    const back = mature.reduce((s, w) => s + w.returnedUnits, 0);
    return { value: ratio(back, sold), n: sold, weeks: mature.map((w) => w.week.start) };
  }

  /**
   * The return rate of as many order weeks, just before the cohort weeks `weeks` (Mondays):
   * the previous value of the strip's "goods returned".
   */
  private async previousCohorts(
    filters: AnalyticsFilters,
    weeks: readonly string[],
    now: Date,
  ): Promise<number | null> {
    if (weeks.length === 0) return null;
    const first = isoWeekOf(new Date(`${weeks[0]}T12:00:00Z`), 'UTC');
    const ctx = await this.reader.context(
      {
        ...filters,
        from: shiftIsoWeek(first, -weeks.length).week,
        to: shiftIsoWeek(first, -1).week,
      },
      now,
    );
    const cohorts = await this.returns.cohorts(ctx, now);
    const mature = cohorts.weeks.filter((w) => w.mature);
    return ratio(
      mature.reduce((s, w) => s + w.returnedUnits, 0),
      mature.reduce((s, w) => s + w.unitsSold, 0),
    );
  }

  /**
   * Median processing time (opening → resolution, calendar hours) of the claims opened in the
   * period, Kaplan–Meier: a claim still open counts as lasting at least its age so far;
   * cancelled claims are left out (they have no processing to time). From the SLA page's
   * duration histogram (2 % buckets: within 1 % of the exact median) over the whole period.
   */
  private async processingTime(
    ctx: Context,
    now: Date,
  ): Promise<{ value: number | null; n: number; stillOpen: number }> {
    const { events, censored } = await this.sla.durationBuckets(ctx, 'calendar', now, 'resolution');
    const observations = [
      ...events.map((r) => ({ ...r, event: true })),
      ...censored.map((r) => ({ ...r, event: false })),
    ].map((r) => ({ time: bucketHours(r.bucket), event: r.event, count: r.n }));
    const summary = survivalSummary(observations);
    return {
      value: summary.median,
      n: summary.events + summary.censored,
      stillOpen: summary.censored,
    };
  }
}

function kpi(
  current: { value: number | null; n: number },
  previous: number | null,
  target: number,
  better: CaseStudyKpi['better'],
): CaseStudyKpi {
  const { value, n } = current;
  return {
    value,
    previous,
    target,
    better,
    meetsTarget: value === null ? null : better === 'lower' ? value <= target : value >= target,
    n,
  };
}
