import { Component, Directive, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ECOption } from '../echarts-types';
import { setFormatLanguage } from '../format';
import { ChartComponent } from './chart';

/** Stands in for ECharts: keeps the option the chart would draw. */
// ngx-echarts' own attribute: the stub must match where the real directive would.
// eslint-disable-next-line @angular-eslint/directive-selector
@Directive({ selector: '[echarts]' })
class EchartsStub {
  readonly options = input<ECOption>();
  readonly autoResize = input(true);
}

@Component({
  imports: [ChartComponent],
  template: `<rl-chart [options]="option()" label="Claims per week: W1 3, W2 5" />`,
})
class Host {
  readonly option = signal<ECOption>({
    aria: { enabled: true },
    xAxis: { type: 'category', data: ['W1', 'W2'] },
    yAxis: { type: 'value', name: 'Claims' },
    series: [{ type: 'line', data: [3, 5] }],
  });
}

function drawn(): ECOption & Record<string, unknown> {
  TestBed.overrideComponent(ChartComponent, {
    remove: { imports: [NgxEchartsDirective] },
    add: { imports: [EchartsStub] },
  });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  const stub = fixture.debugElement.children[0].children[0].injector.get(EchartsStub);
  return stub.options() as ECOption & Record<string, unknown>;
}

afterEach(() => setFormatLanguage('en'));

describe('ChartComponent', () => {
  it('gives ECharts the page’s own description, not its generated English one', () => {
    expect(drawn()['aria']).toEqual({
      enabled: true,
      label: { description: 'Claims per week: W1 3, W2 5' },
    });
  });

  it('draws the option as built in a left-to-right language', () => {
    const option = drawn();
    expect(option['xAxis']).toEqual({ type: 'category', data: ['W1', 'W2'] });
    expect(option['yAxis']).toEqual({ type: 'value', name: 'Claims' });
  });

  it('mirrors the chart when the interface speaks Hebrew', () => {
    setFormatLanguage('he');
    const option = drawn();
    expect(option['xAxis']).toMatchObject({ inverse: true });
    expect(option['yAxis']).toMatchObject({ position: 'right' });
  });
});
