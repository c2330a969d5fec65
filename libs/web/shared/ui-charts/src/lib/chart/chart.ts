import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import type { ECElementEvent, EChartsType } from 'echarts/core';
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
      [autoResize]="!redrawOnResize()"
      (chartInit)="onInit($event)"
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly options = input.required<ECOption>();
  readonly label = input.required<string>();
  readonly height = input(320);
  /**
   * Redraw from scratch when the frame changes size instead of resizing in place: ECharts'
   * treemap keeps stale rectangles when it is resized.
   */
  readonly redrawOnResize = input(false);
  readonly chartClick = output<ECElementEvent>();
  readonly rendered = output<void>();

  private chart: EChartsType | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (!this.redrawOnResize() || typeof ResizeObserver === 'undefined') return;
      let width = this.host.nativeElement.clientWidth;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const observer = new ResizeObserver(() => {
        const now = this.host.nativeElement.clientWidth;
        if (now === width) return;
        width = now;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!this.chart) return;
          this.chart.resize();
          this.chart.clear();
          this.chart.setOption(this.options(), true);
        }, 100);
      });
      observer.observe(this.host.nativeElement);
      destroyRef.onDestroy(() => {
        clearTimeout(timer);
        observer.disconnect();
      });
    });
  }

  protected onInit(chart: unknown): void {
    this.chart = chart as EChartsType;
  }
}
