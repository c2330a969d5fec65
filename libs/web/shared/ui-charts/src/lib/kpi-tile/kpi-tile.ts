import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { KpiComparison } from '@returnlens/shared/contracts';
import { ChartComponent } from '../chart/chart';
import {
  formatAverage,
  formatCount,
  formatPValue,
  formatSignedAverage,
  formatSignedShare,
} from '../format';
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

  protected readonly value = computed(() => formatCount(this.kpi().value));
  protected readonly baseline = computed(() => formatAverage(this.kpi().baseline));
  protected readonly direction = computed(() => {
    const change = this.kpi().change;
    return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  });
  protected readonly arrow = computed(() => ({ up: '▲', down: '▼', flat: '■' })[this.direction()]);
  protected readonly change = computed(() => {
    const { change, relativeChange } = this.kpi();
    const relative = relativeChange === null ? '' : ` (${formatSignedShare(relativeChange)})`;
    return `${formatSignedAverage(change)}${relative}`;
  });
  protected readonly verdict = computed<'good' | 'bad' | 'neutral'>(() => {
    const { significant, change } = this.kpi();
    if (!significant || change === 0) return 'neutral';
    return change > 0 === this.higherIsWorse() ? 'bad' : 'good';
  });
  protected readonly significanceNote = computed(() => {
    const { significant, pValue } = this.kpi();
    return significant
      ? `Significant change: two-sided Poisson rate test against the previous 4 weeks, ${formatPValue(pValue)}`
      : `Within normal variation (two-sided Poisson rate test, ${formatPValue(pValue)})`;
  });
  protected readonly sparkline = computed(() => {
    const tokens = this.theme.tokens();
    const colour = { good: tokens.good, bad: tokens.bad, neutral: tokens.accent }[this.verdict()];
    return buildSparklineOption(this.kpi().sparkline, colour);
  });
  protected readonly sparklineLabel = computed(
    () =>
      `${this.label()} over the last ${this.kpi().sparkline.length} weeks: ${this.kpi().sparkline.join(', ')}`,
  );
}
