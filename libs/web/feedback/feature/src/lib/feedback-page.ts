import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { Router } from '@angular/router';
import {
  ANALYSED_LANGUAGES,
  drillFeedback,
  feedbackAspectLabel,
  REASONS,
} from '@returnlens/shared/contracts';
import {
  aspectsResource,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  feedbackRecordsResource,
  feedbackResource,
  loadState,
  type PageRequest,
  textModelsResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore, humanize, languageName } from '@returnlens/web/shared/filters';
import {
  aspectHeadline,
  aspectsLabel,
  buildAspectDivergingOption,
  buildNetSentimentBarsOption,
  buildDeliveryRatingsOption,
  buildRatingDistributionOption,
  deliveryHeadline,
  buildSentimentTrendOption,
  ChartComponent,
  formatCount,
  formatNetSentiment,
  ratingHeadline,
  sortAspects,
  ThemeStore,
  type NetSentimentRow,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';
import { textReaders } from './text-models';

/** The weekly trend's bar series, in order (buildSentimentTrendOption). */
const TREND_LABELS = ['negative', 'neutral', 'positive'] as const;

const REVIEW_PAGE_SIZE = 20;
/** How often the page asks again while texts are being analysed. */
const ANALYSIS_POLL_MS = 5_000;
const SORTS: Record<string, { sort: string; order: 'asc' | 'desc'; label: string }> = {
  newest: { sort: 'createdAt', order: 'desc', label: 'Newest first' },
  lowest: { sort: 'rating', order: 'asc', label: 'Lowest rating first' },
  negative: { sort: 'sentimentScore', order: 'asc', label: 'Most negative text first' },
};

/** What customers say, in any language: ratings, sentiment over time and the reviews. */
@Component({
  selector: 'rl-feedback-page',
  imports: [ChartComponent, PanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './feedback-page.html',
  styleUrl: './feedback-page.scss',
})
export class FeedbackPage {
  private readonly theme = inject(ThemeStore);
  protected readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly router = inject(Router);

  /** `?rating=1,2` narrows the review list (ratings are not an analytics filter). */
  readonly rating = input<string>();
  /** `?order=lowest|negative`; newest first by default. */
  readonly order = input<string>();

  protected readonly report = feedbackResource(this.filters.params);
  protected readonly data = computed(() =>
    this.report.hasValue() ? this.report.value() : undefined,
  );
  protected readonly state = computed(() => loadState(this.report, () => !this.data()?.items));
  /** Texts of large batches still analysed in the background: the sentiment is provisional. */
  protected readonly analysing = computed(() => this.data()?.analysing ?? null);
  /** While texts are being analysed, the answer is asked again until they are done. */
  private readonly followAnalysis = effect((onCleanup) => {
    if (!this.analysing()) return;
    const timer = setTimeout(() => this.report.reload(), ANALYSIS_POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });
  protected readonly error = computed(() => {
    const error = this.report.error();
    return error ? describeHttpError(error) : null;
  });

  protected readonly ratingsOption = computed(() =>
    buildRatingDistributionOption(this.data()?.ratings ?? [0, 0, 0, 0, 0], this.theme.tokens()),
  );
  protected readonly ratingsTitle = computed(() => ratingHeadline(this.data()?.ratings ?? []));
  protected readonly ratingsLabel = computed(() =>
    (this.data()?.ratings ?? []).map((n, i) => `${i + 1} stars: ${n}`).join('; '),
  );
  protected readonly ratedState = computed(() =>
    loadState(this.report, () => !(this.data()?.ratings ?? []).some((n) => n > 0)),
  );

  protected readonly trendOption = computed(() =>
    buildSentimentTrendOption(this.data()?.trend ?? [], this.theme.tokens()),
  );
  protected readonly trendTitle = computed(() => {
    const trend = (this.data()?.trend ?? []).filter((w) => w.netSentiment !== null);
    if (trend.length < 2)
      return `Net sentiment ${formatNetSentiment(this.data()?.netSentiment ?? null)}`;
    const first = trend[0].netSentiment ?? 0;
    const last = trend[trend.length - 1].netSentiment ?? 0;
    const diff = Math.round((last - first) * 100);
    return diff === 0
      ? `Net sentiment held at ${formatNetSentiment(last)} over the period`
      : `Net sentiment ${diff > 0 ? 'rose' : 'fell'} from ${formatNetSentiment(first)} to ${formatNetSentiment(last)} over the period`;
  });
  protected readonly trendLabel = computed(() =>
    (this.data()?.trend ?? [])
      .map((w) => `${w.week}: ${formatNetSentiment(w.netSentiment)}`)
      .join('; '),
  );

  protected readonly languageRows = computed<NetSentimentRow[]>(() =>
    [...(this.data()?.byLanguage ?? [])]
      .sort((a, b) => b.items - a.items)
      .map((l) => ({
        key: l.language,
        label: languageName(l.language),
        items: l.items,
        netSentiment: l.netSentiment,
      })),
  );
  protected readonly supplierRows = computed<NetSentimentRow[]>(() =>
    [...(this.data()?.bySupplier ?? [])]
      .filter((s) => s.items >= 10)
      .sort((a, b) => (a.netSentiment ?? 0) - (b.netSentiment ?? 0))
      .slice(0, 12)
      .map((s) => ({
        key: s.supplierId,
        label: s.name,
        items: s.items,
        netSentiment: s.netSentiment,
      })),
  );
  protected readonly languageOption = computed(() =>
    buildNetSentimentBarsOption(this.languageRows(), this.theme.tokens()),
  );
  protected readonly supplierOption = computed(() =>
    buildNetSentimentBarsOption(this.supplierRows(), this.theme.tokens()),
  );
  protected readonly languageTitle = computed(() => {
    const rows = this.languageRows().filter((r) => r.netSentiment !== null && r.key !== 'und');
    if (rows.length < 2) return 'Net sentiment per language';
    const sorted = [...rows].sort((a, b) => (a.netSentiment ?? 0) - (b.netSentiment ?? 0));
    return `${sorted[0].label} feedback is the least positive (${formatNetSentiment(sorted[0].netSentiment)}), ${sorted[sorted.length - 1].label} the most (${formatNetSentiment(sorted[sorted.length - 1].netSentiment)})`;
  });
  protected readonly supplierTitle = computed(() => {
    const worst = this.supplierRows()[0];
    return worst
      ? `${worst.label} has the lowest net sentiment: ${formatNetSentiment(worst.netSentiment)}`
      : 'Net sentiment per supplier';
  });
  protected barsLabel(rows: readonly NetSentimentRow[]): string {
    return rows
      .map((r) => `${r.label}: ${formatNetSentiment(r.netSentiment)} (${r.items} items)`)
      .join('; ');
  }

  // Aspects: what reviews talk about, and the products they criticise beside their returns
  protected readonly aspects = aspectsResource(this.filters.params);
  private readonly aspectData = computed(() =>
    this.aspects.hasValue() ? this.aspects.value() : undefined,
  );
  protected readonly aspectsError = computed(() => {
    const error = this.aspects.error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly aspectsState = computed(() =>
    loadState(this.aspects, () => sortAspects(this.aspectData()?.aspects ?? []).length === 0),
  );
  protected readonly aspectsOption = computed(() =>
    buildAspectDivergingOption(this.aspectData()?.aspects ?? [], this.theme.tokens()),
  );
  protected readonly aspectsTitle = computed(() =>
    aspectHeadline(this.aspectData()?.aspects ?? []),
  );
  protected readonly aspectsAria = computed(() => aspectsLabel(this.aspectData()?.aspects ?? []));
  protected readonly aspectsHeight = computed(
    () => 56 + Math.max(1, sortAspects(this.aspectData()?.aspects ?? []).length) * 34,
  );
  protected readonly productRows = computed(() =>
    (this.aspectData()?.products ?? []).map((p) => ({
      ...p,
      aspectLabel: feedbackAspectLabel(p.topNegativeAspect),
      reasonLabel: p.topReason
        ? (REASONS.find((r) => r.code === p.topReason)?.label ?? p.topReason)
        : '–',
    })),
  );
  protected readonly productsState = computed(() =>
    loadState(this.aspects, () => this.productRows().length === 0),
  );
  protected readonly productFilter = computed(() => this.filters.state().values.product ?? []);

  protected selectProduct(sku: string): void {
    this.filters.only('product', [sku]);
  }

  /** Who reads the texts: the shipped analysis, or models learnt from the shop's own labels. */
  protected readonly textModels = textModelsResource();
  protected readonly readers = computed(() =>
    this.textModels.hasValue() ? textReaders(this.textModels.value()) : null,
  );
  protected readonly readersState = computed(() => loadState(this.textModels, () => false));
  protected readonly readersError = computed(() => {
    const error = this.textModels.error();
    return error ? describeHttpError(error) : null;
  });

  // Reviews
  protected readonly ratingFilter = computed(() =>
    (this.rating() ?? '')
      .split(',')
      .map((v) => Number(v))
      .filter((v) => Number.isInteger(v) && v >= 1 && v <= 5),
  );
  protected readonly sortKey = computed(() =>
    this.order() && SORTS[this.order() ?? ''] ? (this.order() as string) : 'newest',
  );
  protected readonly sorts = Object.entries(SORTS).map(([key, s]) => ({ key, label: s.label }));
  protected readonly languages = [...ANALYSED_LANGUAGES, 'und'].map((code) => ({
    code,
    name: languageName(code),
  }));
  protected readonly languageFilter = computed(() => this.filters.state().values.language ?? []);

  private readonly reviewParams = computed<QueryParams | null>(() => {
    const p = this.filters.params();
    if (!p) return null;
    const rating = this.ratingFilter();
    return rating.length ? { ...p, rating: rating.join(',') } : p;
  });
  protected readonly reviewPage = linkedSignal<PageRequest>(() => {
    this.reviewParams();
    const s = SORTS[this.sortKey()];
    return { page: 1, pageSize: REVIEW_PAGE_SIZE, sort: s.sort, order: s.order };
  });
  protected readonly reviews = feedbackRecordsResource(this.reviewParams, this.reviewPage);
  protected readonly reviewRows = computed(() =>
    (this.reviews.hasValue() ? (this.reviews.value()?.rows ?? []) : []).map((r) => ({
      ...r,
      stars: r.rating === null ? '' : '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating),
      languageName: languageName(r.language),
      date: r.createdAt.slice(0, 10),
    })),
  );
  protected readonly reviewTotal = computed(() =>
    this.reviews.hasValue() ? (this.reviews.value()?.total ?? 0) : null,
  );
  protected readonly reviewState = computed(() =>
    loadState(this.reviews, () => this.reviewTotal() === 0),
  );
  protected readonly reviewError = computed(() => {
    const error = this.reviews.error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly reviewLastPage = computed(() =>
    Math.max(1, Math.ceil((this.reviewTotal() ?? 0) / REVIEW_PAGE_SIZE)),
  );
  protected readonly reviewsHeading = computed(() => {
    const total = this.reviewTotal();
    const rating = this.ratingFilter();
    const which = rating.length ? ` rated ${rating.map((r) => `${r}★`).join(', ')}` : '';
    return total === null ? 'Reviews' : `${formatCount(total)} feedback items${which}`;
  });

  protected readonly csv = computed(() => {
    const p = this.filters.params() ?? {};
    return {
      ratings: csvUrl('feedback', p, 'byRating'),
      trend: csvUrl('feedback', p, 'trend'),
      byLanguage: csvUrl('feedback', p, 'byLanguage'),
      bySupplier: csvUrl('feedback', p, 'bySupplier'),
      byDelivery: csvUrl('feedback', p, 'byDelivery'),
      aspects: csvUrl('aspects', p, 'aspects'),
      products: csvUrl('aspects', p, 'products'),
      reviews: this.reviewParams() ? csvUrl('records/feedback', this.reviewParams() ?? {}) : null,
    };
  });
  protected readonly formatCount = formatCount;

  /** Ratings after on-time and late deliveries (docs/metrics.md, "Feedback by delivery"). */
  protected readonly deliveryRows = computed(() => this.data()?.byDelivery ?? []);
  protected readonly deliveryOption = computed(() =>
    buildDeliveryRatingsOption(this.deliveryRows(), this.theme.tokens()),
  );
  protected readonly deliveryTitle = computed(() => deliveryHeadline(this.deliveryRows()));
  protected readonly deliveryState = computed(() =>
    loadState(this.report, () => !this.deliveryRows().some((r) => r.items > 0)),
  );

  /** A segment: the feedback after that kind of delivery with that rating. */
  protected onDeliveryClick(event: ECElementEvent): void {
    const row = this.deliveryRows()[event.dataIndex];
    if (!row) return;
    const rating = (event.seriesIndex ?? 0) + 1;
    this.drill.openDrill(
      `Feedback rated ${rating}★ after ${row.delivery === 'late' ? 'a late' : 'an on-time'} delivery`,
      drillFeedback(this.filters.params() ?? {}, { delivery: row.delivery, rating }),
    );
  }

  protected openDelivery(delivery: 'on_time' | 'late'): void {
    this.drill.openDrill(
      delivery === 'late' ? 'Feedback after a late delivery' : 'Feedback after an on-time delivery',
      drillFeedback(this.filters.params() ?? {}, { delivery }),
    );
  }

  /** A segment of the rating bar: the feedback with that rating. */
  protected onRatingClick(event: ECElementEvent): void {
    const rating = (event.seriesIndex ?? 0) + 1;
    this.drill.openDrill(
      `Feedback rated ${rating}★`,
      drillFeedback(this.filters.params() ?? {}, { rating }),
    );
  }

  /** The whole rating chart: every rated item (the unrated, text only, are not in it). */
  protected openRated(): void {
    this.drill.openRecords({
      kind: 'feedback',
      title: 'Rated feedback',
      params: { ...(this.filters.params() ?? {}), rating: '1,2,3,4,5' },
    });
  }

  /** A bar of the weekly trend: the feedback of that week with that label. */
  protected onTrendClick(event: ECElementEvent): void {
    const week = this.data()?.trend[event.dataIndex]?.week;
    const label = TREND_LABELS[event.seriesIndex ?? -1];
    if (week && label)
      this.drill.openDrill(
        `${humanize(label)} feedback, ${week}`,
        drillFeedback(this.filters.params() ?? {}, { week, label }),
      );
  }

  protected setRating(value: string): void {
    void this.router.navigate([], {
      queryParams: { rating: value || null },
      queryParamsHandling: 'merge',
    });
  }

  protected setOrder(value: string): void {
    void this.router.navigate([], {
      queryParams: { order: value === 'newest' ? null : value },
      queryParamsHandling: 'merge',
    });
  }

  protected setLanguage(value: string): void {
    this.filters.only('language', value ? [value] : []);
  }

  /** A language's bar: its feedback ("und", no language detected, cannot be asked for). */
  protected onLanguageClick(event: ECElementEvent): void {
    const row = this.languageRows()[event.dataIndex];
    if (!row) return;
    if (row.key === 'und') return this.openRecords('Feedback in the period');
    this.drill.openDrill(
      `Feedback in ${row.label}`,
      drillFeedback(this.filters.params() ?? {}, { language: row.key }),
      { language: [row.key] },
    );
  }

  protected onSupplierClick(event: ECElementEvent): void {
    const row = this.supplierRows()[event.dataIndex];
    if (row)
      this.drill.openDrill(
        `Feedback on ${row.label}`,
        drillFeedback(this.filters.params() ?? {}, { supplier: row.key }),
        { supplier: [row.key] },
      );
  }

  protected goReviews(delta: number): void {
    const page = this.reviewPage();
    this.reviewPage.set({
      ...page,
      page: Math.min(this.reviewLastPage(), Math.max(1, page.page + delta)),
    });
  }

  protected openRecords(title: string, extra: QueryParams = {}): void {
    this.drill.openRecords({
      kind: 'feedback',
      title,
      params: { ...(this.filters.params() ?? {}), ...extra },
    });
  }

  protected explain(title: string): void {
    this.drill.openExplain({ title, metrics: ['net_sentiment', 'negative_review_share'] });
  }
}
