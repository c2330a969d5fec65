import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { KpiComparison } from '@returnlens/shared/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { ChartComponent } from '../chart/chart';
import { injectScopeText, provideChartMessages } from '../i18n/chart-text';
import {
  formatAverage,
  formatCount,
  formatDuration,
  formatMoney,
  formatNetSentiment,
  formatPValue,
  formatShare,
  formatSignedAverage,
  formatSignedShare,
  MINUS,
} from '../format';

/** Why a shown value carries no test: the key of the tile's words (`charts.kpi.untested.*`). */
const UNTESTED_NOTE: Readonly<Record<NonNullable<KpiComparison['untested']>, string>> = {
  incomplete_week: 'kpi.untested.incompleteWeek',
  immature: 'kpi.untested.immature',
  too_few: 'kpi.untested.tooFew',
};

/** How a KPI's value reads: a count, a share (0–1), hours, net sentiment or money. */
export type KpiFormat = 'count' | 'share' | 'hours' | 'netSentiment' | 'money';
/** The test behind the significance mark; `none` for medians and net sentiment. */
export type KpiTest = 'poisson' | 'proportion' | 'none';
import { buildSparklineOption } from '../sparkline-option';
import { ThemeStore } from '../theme.store';

/**
 * A KPI: the value large, the change against the 4-week baseline beside it, a 12-week
 * sparkline, and a mark only when the change is statistically significant. Colour says
 * good or bad for this metric, and only for a significant change.
 */
@Component({
  selector: 'rl-kpi-tile',
  imports: [ChartComponent, TranslocoPipe],
  providers: [provideChartMessages()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-tile.html',
  styleUrl: './kpi-tile.scss',
})
export class KpiTileComponent {
  private readonly theme = inject(ThemeStore);
  private readonly t = injectScopeText('charts');

  readonly label = input.required<string>();
  readonly kpi = input.required<KpiComparison>();
  /** True when a rise is bad news (claims, returns); false when it is good. */
  readonly higherIsWorse = input(true);
  readonly unit = input('');
  readonly format = input<KpiFormat>('count');
  readonly currency = input('EUR');
  readonly test = input<KpiTest>('poisson');
  /** What the baseline averages over, in words ('' for the previous 4 weeks). */
  readonly baselineOf = input('');
  /** Offer "View records": the page opens the records behind this tile's value (`records`). */
  readonly drill = input(false);
  readonly records = output<void>();

  private formatValue(value: number): string {
    switch (this.format()) {
      case 'share':
        return formatShare(value);
      case 'hours':
        return formatDuration(value);
      case 'netSentiment':
        return formatNetSentiment(value);
      case 'money':
        return formatMoney(value, this.currency());
      default:
        return formatCount(value);
    }
  }

  protected readonly value = computed(() => this.formatValue(this.kpi().value));
  protected readonly baseline = computed(() =>
    this.format() === 'count'
      ? formatAverage(this.kpi().baseline)
      : this.formatValue(this.kpi().baseline),
  );
  private readonly baselineOfText = computed(
    () => this.baselineOf() || this.t('kpi.defaultBaselineOf'),
  );
  protected readonly baselineText = computed(() =>
    this.t(
      this.format() === 'count' || this.format() === 'money'
        ? 'kpi.baselinePerWeek'
        : 'kpi.baseline',
      { baseline: this.baseline(), baselineOf: this.baselineOfText() },
    ),
  );
  protected readonly direction = computed(() => {
    const change = this.kpi().change;
    return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  });
  protected readonly arrow = computed(() => ({ up: '▲', down: '▼', flat: '■' })[this.direction()]);
  protected readonly change = computed(() => {
    const { change, relativeChange } = this.kpi();
    switch (this.format()) {
      case 'share':
        return this.t('kpi.percentagePoints', {
          change: `${change > 0 ? '+' : change < 0 ? MINUS : ''}${formatAverage(Math.abs(change) * 100)}`,
        });
      case 'hours':
        return `${change > 0 ? '+' : ''}${formatDuration(change)}`;
      case 'netSentiment':
        return this.t('kpi.points', { change: formatNetSentiment(change) });
    }
    const relative = relativeChange === null ? '' : ` (${formatSignedShare(relativeChange)})`;
    const absolute =
      this.format() === 'money'
        ? `${change > 0 ? '+' : ''}${formatMoney(change, this.currency())}`
        : formatSignedAverage(change);
    return `${absolute}${relative}`;
  });
  protected readonly verdict = computed<'good' | 'bad' | 'neutral'>(() => {
    const { significant, change } = this.kpi();
    if (!significant || change === 0 || this.test() === 'none') return 'neutral';
    return change > 0 === this.higherIsWorse() ? 'bad' : 'good';
  });
  protected readonly marked = computed(() => this.kpi().significant && this.test() !== 'none');
  protected readonly significanceNote = computed(() => {
    const { significant, pValue, untested } = this.kpi();
    if (untested) return this.t(UNTESTED_NOTE[untested]);
    if (this.test() === 'none') return this.t('kpi.withoutTest');
    const test = this.t(this.test() === 'proportion' ? 'kpi.proportionTest' : 'kpi.poissonTest');
    return this.t(significant ? 'kpi.significantChange' : 'kpi.normalVariation', {
      test,
      baselineOf: this.baselineOfText(),
      pValue: formatPValue(pValue),
    });
  });
  protected readonly sparkline = computed(() => {
    const tokens = this.theme.tokens();
    const colour = { good: tokens.good, bad: tokens.bad, neutral: tokens.accent }[this.verdict()];
    return buildSparklineOption(this.kpi().sparkline, colour);
  });
  protected readonly sparklineLabel = computed(() =>
    this.t('kpi.sparkline', {
      label: this.label(),
      count: this.kpi().sparkline.length,
      values: this.kpi()
        .sparkline.map((v) => this.formatValue(v))
        .join(', '),
    }),
  );
}
