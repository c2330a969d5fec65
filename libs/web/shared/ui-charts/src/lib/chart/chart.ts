import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ECOption } from '../echarts-types';

/**
 * A chart in a fixed-height frame, so the page does not jump while ECharts loads. The
 * accessible label summarises the data for screen readers.
 */
@Component({
  selector: 'rl-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="chart"
      role="img"
      [attr.aria-label]="label()"
      [style.height.px]="height()"
      echarts
      [options]="options()"
      [autoResize]="true"
      (chartClick)="chartClick.emit($event)"
      (chartFinished)="rendered.emit()"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
    }
  `,
})
export class ChartComponent {
  readonly options = input.required<ECOption>();
  readonly label = input.required<string>();
  readonly height = input(320);
  readonly chartClick = output<ECElementEvent>();
  readonly rendered = output<void>();
}
