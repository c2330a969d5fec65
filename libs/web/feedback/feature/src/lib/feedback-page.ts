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
import { ANALYSED_LANGUAGES, drillFeedback, REASONS } from '@returnlens/shared/contracts';
import {
  DomainLabels,
  aspectsResource,
  csvUrl,
  describeHttpError,
  DrilldownStore,
  feedbackRecordsResource,
  feedbackResource,
  LanguageStore,
  loadState,
  providePageMessages,
  type PageRequest,
  textModelsResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore } from '@returnlens/web/shared/filters';
import {
  ASPECT_MIN_MENTIONS,
  aspectMentions,
  buildAspectDivergingOption,
  buildNetSentimentBarsOption,
  buildDeliveryRatingsOption,
  buildRatingDistributionOption,
  buildSentimentTrendOption,
  ChartComponent,
  formatCount,
  formatNetSentiment,
  formatShare,
  injectChartText,
  sortAspects,
  ThemeStore,
  type NetSentimentRow,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { FEEDBACK_MESSAGES } from './i18n/en';
import { pageTranslate } from '@returnlens/web/shared/data-access';
import { textReaders } from './text-models';

/** The weekly trend's bar series, in order (buildSentimentTrendOption). */
const TREND_LABELS = ['negative', 'neutral', 'positive'] as const;

const REVIEW_PAGE_SIZE = 20;
/** How often the page asks again while texts are being analysed. */
const ANALYSIS_POLL_MS = 5_000;
/** The review orders; each one's name is the message `feedback.reviews.<key>`. */
const SORTS: Record<string, { sort: string; order: 'asc' | 'desc' }> = {
  newest: { sort: 'createdAt', order: 'desc' },
  lowest: { sort: 'rating', order: 'asc' },
  negative: { sort: 'sentimentScore', order: 'asc' },
};

/** What customers say, in any language: ratings, sentiment over time and the reviews. */
@Component({
  selector: 'rl-feedback-page',
  imports: [ChartComponent, PanelComponent, TranslocoPipe],
  providers: [providePageMessages('feedback', FEEDBACK_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './feedback-page.html',
  styleUrl: './feedback-page.scss',
})
export class FeedbackPage {
  private readonly theme = inject(ThemeStore);
  protected readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  private readonly words = inject(DomainLabels);
  private readonly router = inject(Router);
  private readonly languageStore = inject(LanguageStore);
  /** The page's messages in TypeScript (inside computed(): follows the language). */
  private readonly t = pageTranslate('feedback', FEEDBACK_MESSAGES);
  /** The shared charts' own texts (series, axes, tooltips) in the interface language. */
  private readonly c = injectChartText();

  /** A language's name in the interface's language (`und`: not detected). */
  protected langName(code: string | null | undefined): string {
    if (!code || code === 'und') return this.t('notDetected');
    const lang = this.languageStore.language();
    try {
      const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
      return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
    } catch {
      return code;
    }
  }
  /** An aspect's name in the interface's language (the API's English label if unknown). */
  private aspectName(code: string, fallback?: string): string {
    return code in FEEDBACK_MESSAGES.aspect ? this.t(`aspect.${code}`) : (fallback ?? code);
  }

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
    buildRatingDistributionOption(
      this.data()?.ratings ?? [0, 0, 0, 0, 0],
      this.theme.tokens(),
      this.c,
    ),
  );
  protected readonly ratingsTitle = computed(() => {
    const ratings = this.data()?.ratings ?? [];
    const total = ratings.reduce((s, n) => s + n, 0);
    if (!total) return this.t('ratings.none');
    const high = (ratings[3] ?? 0) + (ratings[4] ?? 0);
    const low = (ratings[0] ?? 0) + (ratings[1] ?? 0);
    return this.t('ratings.headline', {
      high: formatShare(high / total),
      low: formatShare(low / total),
    });
  });
  protected readonly ratingsLabel = computed(() =>
    this.t('ratings.chart', {
      rows: (this.data()?.ratings ?? [])
        .map((n, i) => this.t('ratings.row', { stars: i + 1, count: n }))
        .join('; '),
    }),
  );
  protected readonly ratedState = computed(() =>
    loadState(this.report, () => !(this.data()?.ratings ?? []).some((n) => n > 0)),
  );

  protected readonly trendOption = computed(() =>
    buildSentimentTrendOption(this.data()?.trend ?? [], this.theme.tokens(), this.c),
  );
  protected readonly trendTitle = computed(() => {
    const trend = (this.data()?.trend ?? []).filter((w) => w.netSentiment !== null);
    if (trend.length < 2)
      return this.t('trend.current', {
        net: formatNetSentiment(this.data()?.netSentiment ?? null),
      });
    const first = trend[0].netSentiment ?? 0;
    const last = trend[trend.length - 1].netSentiment ?? 0;
    const diff = Math.round((last - first) * 100);
    return diff === 0
      ? this.t('trend.held', { net: formatNetSentiment(last) })
      : this.t(diff > 0 ? 'trend.rose' : 'trend.fell', {
          from: formatNetSentiment(first),
          to: formatNetSentiment(last),
        });
  });
  protected readonly trendLabel = computed(() =>
    this.t('trend.chart', {
      rows: (this.data()?.trend ?? [])
        .map((w) => `${w.week}: ${formatNetSentiment(w.netSentiment)}`)
        .join('; '),
    }),
  );

  protected readonly languageRows = computed<NetSentimentRow[]>(() =>
    [...(this.data()?.byLanguage ?? [])]
      .sort((a, b) => b.items - a.items)
      .map((l) => ({
        key: l.language,
        label: this.langName(l.language),
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
    buildNetSentimentBarsOption(this.languageRows(), this.theme.tokens(), this.c),
  );
  protected readonly supplierOption = computed(() =>
    buildNetSentimentBarsOption(this.supplierRows(), this.theme.tokens(), this.c),
  );
  protected readonly languageTitle = computed(() => {
    const rows = this.languageRows().filter((r) => r.netSentiment !== null && r.key !== 'und');
    if (rows.length < 2) return this.t('language.title');
    const sorted = [...rows].sort((a, b) => (a.netSentiment ?? 0) - (b.netSentiment ?? 0));
    const best = sorted[sorted.length - 1];
    return this.t('language.finding', {
      worst: sorted[0].label,
      worstNet: formatNetSentiment(sorted[0].netSentiment),
      best: best.label,
      bestNet: formatNetSentiment(best.netSentiment),
    });
  });
  protected readonly supplierTitle = computed(() => {
    const worst = this.supplierRows()[0];
    return worst
      ? this.t('supplier.worst', {
          label: worst.label,
          net: formatNetSentiment(worst.netSentiment),
        })
      : this.t('supplier.title');
  });
  protected readonly languageLabel = computed(() =>
    this.t('language.chart', { rows: this.barsLabel(this.languageRows()) }),
  );
  protected readonly supplierLabel = computed(() =>
    this.t('supplier.chart', { rows: this.barsLabel(this.supplierRows()) }),
  );
  private barsLabel(rows: readonly NetSentimentRow[]): string {
    return rows
      .map((r) =>
        this.t('bars', {
          label: r.label,
          net: formatNetSentiment(r.netSentiment),
          count: r.items,
        }),
      )
      .join('; ');
  }

  // Aspects: what reviews talk about, and the products they criticise beside their returns
  protected readonly aspects = aspectsResource(this.filters.params);
  /** The aspects with their names in the interface's language. */
  private readonly aspectData = computed(() => {
    const data = this.aspects.hasValue() ? this.aspects.value() : undefined;
    return data
      ? {
          ...data,
          aspects: data.aspects.map((a) => ({ ...a, label: this.aspectName(a.aspect, a.label) })),
        }
      : undefined;
  });
  protected readonly aspectsError = computed(() => {
    const error = this.aspects.error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly aspectsState = computed(() =>
    loadState(this.aspects, () => sortAspects(this.aspectData()?.aspects ?? []).length === 0),
  );
  protected readonly aspectsOption = computed(() =>
    buildAspectDivergingOption(this.aspectData()?.aspects ?? [], this.theme.tokens(), this.c),
  );
  /** The finding: the least positive aspect with enough mentions, and how negative it is. */
  protected readonly aspectsTitle = computed(() => {
    const rows = sortAspects(this.aspectData()?.aspects ?? []);
    if (!rows.length) return this.t('aspects.none');
    const solid = rows.filter((a) => aspectMentions(a) >= ASPECT_MIN_MENTIONS);
    const worst = (solid.length ? solid : rows)[0];
    const total = aspectMentions(worst);
    const net = formatNetSentiment(worst.netSentiment);
    if ((worst.netSentiment ?? 0) >= 0)
      return this.t('aspects.allPositive', { label: worst.label, net });
    return this.t('aspects.worst', {
      label: worst.label,
      share: formatShare(worst.negative / total),
      total,
      net,
    });
  });
  protected readonly aspectsAria = computed(() =>
    this.t('aspects.chart', {
      rows: sortAspects(this.aspectData()?.aspects ?? [])
        .map((a) =>
          this.t('aspects.row', {
            label: a.label,
            negative: a.negative,
            neutral: a.neutral,
            positive: a.positive,
            net: formatNetSentiment(a.netSentiment),
          }),
        )
        .join('; '),
    }),
  );
  protected readonly aspectsHeight = computed(
    () => 56 + Math.max(1, sortAspects(this.aspectData()?.aspects ?? []).length) * 34,
  );
  protected readonly productRows = computed(() =>
    (this.aspectData()?.products ?? []).map((p) => ({
      ...p,
      aspectLabel: this.aspectName(p.topNegativeAspect),
      reasonLabel: p.topReason
        ? this.words.label(
            'reason',
            p.topReason,
            REASONS.find((r) => r.code === p.topReason)?.label ?? p.topReason,
          )
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
    this.textModels.hasValue()
      ? textReaders(this.textModels.value(), this.t, (code) => this.langName(code))
      : null,
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
  protected readonly sorts = Object.keys(SORTS);
  protected readonly languages = computed(() =>
    [...ANALYSED_LANGUAGES, 'und'].map((code) => ({ code, name: this.langName(code) })),
  );
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
      languageName: this.langName(r.language),
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
    if (total === null) return this.t('reviews.heading');
    return rating.length
      ? this.t('reviews.countRated', {
          count: total,
          ratings: rating.map((r) => `${r}★`).join(', '),
        })
      : this.t('reviews.count', { count: total });
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
    buildDeliveryRatingsOption(this.deliveryRows(), this.theme.tokens(), this.c),
  );
  /** "Late deliveries: net sentiment −100 against +78 on time (3 and 9 items)". */
  protected readonly deliveryTitle = computed(() => {
    const rows = this.deliveryRows();
    const late = rows.find((r) => r.delivery === 'late');
    const onTime = rows.find((r) => r.delivery === 'on_time');
    if (!late?.items && !onTime?.items) return this.t('delivery.none');
    if (!late?.items) return this.t('delivery.noLate', { count: onTime?.items ?? 0 });
    return this.t('delivery.headline', {
      late: formatNetSentiment(late.netSentiment),
      onTime: formatNetSentiment(onTime?.netSentiment ?? null),
      lateItems: formatCount(late.items),
      onTimeItems: formatCount(onTime?.items ?? 0),
    });
  });
  protected readonly deliveryLabel = computed(() =>
    this.t('delivery.chart', { title: this.deliveryTitle() }),
  );
  /** A message of the page, for titles handed to the drawers on a click. */
  protected text(key: string, params?: Record<string, unknown>): string {
    return this.t(key, params);
  }
  protected readonly deliveryState = computed(() =>
    loadState(this.report, () => !this.deliveryRows().some((r) => r.items > 0)),
  );

  /** A segment: the feedback after that kind of delivery with that rating. */
  protected onDeliveryClick(event: ECElementEvent): void {
    const row = this.deliveryRows()[event.dataIndex];
    if (!row) return;
    const rating = (event.seriesIndex ?? 0) + 1;
    this.drill.openDrill(
      this.t(row.delivery === 'late' ? 'delivery.ratedLate' : 'delivery.ratedOnTime', { rating }),
      drillFeedback(this.filters.params() ?? {}, { delivery: row.delivery, rating }),
    );
  }

  protected openDelivery(delivery: 'on_time' | 'late'): void {
    this.drill.openDrill(
      this.t(delivery === 'late' ? 'delivery.late' : 'delivery.onTime'),
      drillFeedback(this.filters.params() ?? {}, { delivery }),
    );
  }

  /** A segment of the rating bar: the feedback with that rating. */
  protected onRatingClick(event: ECElementEvent): void {
    const rating = (event.seriesIndex ?? 0) + 1;
    this.drill.openDrill(
      this.t('ratings.ratedStars', { rating }),
      drillFeedback(this.filters.params() ?? {}, { rating }),
    );
  }

  /** The whole rating chart: every rated item (the unrated, text only, are not in it). */
  protected openRated(): void {
    this.drill.openRecords({
      kind: 'feedback',
      title: this.t('ratings.rated'),
      params: { ...(this.filters.params() ?? {}), rating: '1,2,3,4,5' },
    });
  }

  /** A bar of the weekly trend: the feedback of that week with that label. */
  protected onTrendClick(event: ECElementEvent): void {
    const week = this.data()?.trend[event.dataIndex]?.week;
    const label = TREND_LABELS[event.seriesIndex ?? -1];
    if (!week || !label) return;
    const name = this.t(`label.${label}`);
    const lang = this.languageStore.language();
    const capitalised = name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
    this.drill.openDrill(
      this.t('trend.drill', { label: capitalised, week }),
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
    if (row.key === 'und') return this.openRecords(this.t('trend.records'));
    this.drill.openDrill(
      this.t('language.drill', { language: row.label }),
      drillFeedback(this.filters.params() ?? {}, { language: row.key }),
      { language: [row.key] },
    );
  }

  protected onSupplierClick(event: ECElementEvent): void {
    const row = this.supplierRows()[event.dataIndex];
    if (row)
      this.drill.openDrill(
        this.t('supplier.drill', { supplier: row.label }),
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
