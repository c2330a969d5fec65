import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ECOption } from '../echarts-types';
import { isRightToLeft } from '../format';
import { COMPACT_CHART_WIDTH, layOutChart } from '../option-common';

/**
 * A chart in a fixed-height frame, so the page does not jump while ECharts loads. The
 * accessible label summarises the data for screen readers. The option is laid out for the
 * interface's reading direction (mirrored in Hebrew) and the frame's width (fewer ticks on a
 * phone): `layOutChart`.
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
      [options]="laidOut()"
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
  /** Whether the frame is phone-narrow; unknown (wide) until it is first measured. */
  private readonly compact = signal(false);
  protected readonly laidOut = computed(() => {
    const option = layOutChart(this.options(), {
      rtl: isRightToLeft(),
      compact: this.compact(),
    }) as ECOption & { aria?: { enabled?: boolean } };
    // ECharts writes its own (English) description into the frame's aria-label: give it ours,
    // which is in the interface language.
    return option.aria?.enabled
      ? { ...option, aria: { ...option.aria, label: { description: this.label() } } }
      : option;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const narrow = (width: number) =>
        width > 0 &&
        width < COMPACT_CHART_WIDTH &&
        // Printing lays the page out again: the A4 keeps its desktop charts.
        !(typeof matchMedia === 'function' && matchMedia('print').matches);
      this.compact.set(narrow(this.host.nativeElement.clientWidth));
      if (typeof ResizeObserver === 'undefined') return;
      let width = this.host.nativeElement.clientWidth;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const observer = new ResizeObserver(() => {
        const now = this.host.nativeElement.clientWidth;
        if (now === width) return;
        width = now;
        if (narrow(now) !== this.compact()) this.compact.set(narrow(now));
        if (!this.redrawOnResize()) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!this.chart) return;
          this.chart.resize();
          this.chart.clear();
          this.chart.setOption(this.laidOut(), true);
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
