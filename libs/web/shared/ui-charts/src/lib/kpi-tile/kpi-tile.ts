import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { KpiComparison } from '@returnlens/shared/contracts';
import { ChartComponent } from '../chart/chart';
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

/** Why a shown value carries no test, in the tile's words. */
const UNTESTED_NOTE: Readonly<Record<NonNullable<KpiComparison['untested']>, string>> = {
  incomplete_week: 'Not tested: the week is not over yet',
  immature: 'Not tested: not mature yet (returns or deadlines still to come)',
  too_few: 'Not tested: too few observations',
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
  imports: [ChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-tile.html',
  styleUrl: './kpi-tile.scss',
})
export class KpiTileComponent {
  private readonly theme = inject(ThemeStore);

  readonly label = input.required<string>();
  readonly kpi = input.required<KpiComparison>();
  /** True when a rise is bad news (claims, returns); false when it is good. */
  readonly higherIsWorse = input(true);
  readonly unit = input('');
  readonly format = input<KpiFormat>('count');
  readonly currency = input('EUR');
  readonly test = input<KpiTest>('poisson');
  /** What the baseline averages over, in words. */
  readonly baselineOf = input('the previous 4 weeks');
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
  protected readonly baselineText = computed(() =>
    this.format() === 'count' || this.format() === 'money'
      ? `vs ${this.baseline()} a week on average in ${this.baselineOf()}`
      : `vs ${this.baseline()} on average in ${this.baselineOf()}`,
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
        return `${change > 0 ? '+' : change < 0 ? MINUS : ''}${formatAverage(Math.abs(change) * 100)} pp`;
      case 'hours':
        return `${change > 0 ? '+' : ''}${formatDuration(change)}`;
      case 'netSentiment':
        return `${formatNetSentiment(change)} pts`;
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
    if (untested) return UNTESTED_NOTE[untested];
    if (this.test() === 'none') return 'Compared with the previous 4 weeks without a test';
    const test =
      this.test() === 'proportion' ? 'two-proportion z-test' : 'two-sided Poisson rate test';
    return significant
      ? `Significant change: ${test} against ${this.baselineOf()}, ${formatPValue(pValue)}`
      : `Within normal variation (${test}, ${formatPValue(pValue)})`;
  });
  protected readonly sparkline = computed(() => {
    const tokens = this.theme.tokens();
    const colour = { good: tokens.good, bad: tokens.bad, neutral: tokens.accent }[this.verdict()];
    return buildSparklineOption(this.kpi().sparkline, colour);
  });
  protected readonly sparklineLabel = computed(
    () =>
      `${this.label()} over the last ${this.kpi().sparkline.length} weeks: ${this.kpi()
        .sparkline.map((v) => this.formatValue(v))
        .join(', ')}`,
  );
}
