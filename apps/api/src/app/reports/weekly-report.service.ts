import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  REASON_CATEGORIES,
  reasonCategoryOf,
  reasonLabel,
  type IsoWeekRef,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import {
  compareWithBaseline,
  isoWeekBounds,
  isoWeekOf,
  lastCompleteIsoWeek,
  paretoShares,
  weeksEndingWith,
} from '@returnlens/shared/metrics';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DEFAULT_SHOP_ID } from '../database/shop-owned';
import {
  findLatestClaimOpenedAt,
  findReasonCounts,
  findWeeklyCategoryCounts,
} from './weekly-report.queries';

const TREND_WEEKS = 12;

@Injectable()
export class WeeklyReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The weekly report for `week`, or by default for the latest complete ISO week — or the
   * week of the newest claim, when the data stops earlier (an export a few weeks old).
   */
  async weeklyReport(week: IsoWeekRef | undefined, now = new Date()): Promise<WeeklyReport> {
    const timeZone = this.config.shopTimeZone;
    const latest = await findLatestClaimOpenedAt(this.db, DEFAULT_SHOP_ID);
    const reported = week ?? defaultWeek(now, latest, timeZone);

    const weeks = weeksEndingWith(reported, TREND_WEEKS);
    const { from } = isoWeekBounds(weeks[0], timeZone);
    const { from: weekFrom, to } = isoWeekBounds(reported, timeZone);
    const [counts, reasons] = await Promise.all([
      findWeeklyCategoryCounts(this.db, DEFAULT_SHOP_ID, timeZone, from, to),
      findReasonCounts(this.db, DEFAULT_SHOP_ID, weekFrom, to),
    ]);

    const index = new Map(weeks.map((w, i) => [w.week, i]));
    const claimsPerWeek = new Array<number>(weeks.length).fill(0);
    const unitsPerWeek = new Array<number>(weeks.length).fill(0);
    const byCategory = new Map<string, number[]>(
      REASON_CATEGORIES.map((c) => [c.code, new Array<number>(weeks.length).fill(0)]),
    );
    for (const row of counts) {
      const i = index.get(row.week);
      if (i === undefined) continue;
      claimsPerWeek[i] += row.claims;
      unitsPerWeek[i] += row.units;
      const series = byCategory.get(row.category);
      if (series) series[i] += row.claims;
    }

    return {
      timeZone,
      week: reported,
      baselineWeeks: weeks.slice(-5, -1),
      claimsReceived: compareWithBaseline(claimsPerWeek),
      unitsReturned: compareWithBaseline(unitsPerWeek),
      pareto: paretoShares(reasons.map((r) => ({ key: r.reasonCode, count: r.claims }))).map(
        (row) => ({
          reasonCode: row.key,
          reasonLabel: reasonLabel(row.key),
          category: reasonCategoryOf(row.key),
          claims: row.count,
          share: row.share,
          cumulativeShare: row.cumulativeShare,
        }),
      ),
      trendWeeks: weeks,
      trend: REASON_CATEGORIES.map((category) => ({
        category: category.code,
        label: category.label,
        claims: byCategory.get(category.code) ?? [],
      })),
      dataThrough: latest ? latest.toISOString() : null,
    };
  }
}

export function defaultWeek(now: Date, latest: Date | null, timeZone: string): IsoWeekRef {
  const complete = lastCompleteIsoWeek(now, timeZone);
  if (!latest) return complete;
  const newestData = isoWeekOf(latest, timeZone);
  return newestData.start < complete.start ? newestData : complete;
}
