import { Component, input } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { KpiComparison } from '@returnlens/shared/contracts';
// The app's i18n setup, as the pages that show tiles have it (a test-only dependency).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { provideI18n } from '@returnlens/web/shared/data-access';
import { ChartComponent } from '../chart/chart';
import { KpiTileComponent } from './kpi-tile';

@Component({ selector: 'rl-chart', template: '' })
class ChartStub {
  readonly options = input<unknown>();
  readonly label = input<string>();
  readonly height = input<number>();
}

const kpi = (overrides: Partial<KpiComparison>): KpiComparison => ({
  value: 544,
  baseline: 496,
  change: 48,
  relativeChange: 48 / 496,
  pValue: 0.0588,
  significant: false,
  sparkline: [442, 432, 477, 450, 465, 436, 457, 459, 452, 496, 577, 544],
  ...overrides,
});

async function render(value: KpiComparison, higherIsWorse = true): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
  });
  TestBed.overrideComponent(KpiTileComponent, {
    remove: { imports: [ChartComponent] },
    add: { imports: [ChartStub] },
  });
  const fixture = TestBed.createComponent(KpiTileComponent);
  fixture.componentRef.setInput('label', 'Claims received');
  fixture.componentRef.setInput('kpi', value);
  fixture.componentRef.setInput('higherIsWorse', higherIsWorse);
  fixture.detectChanges();
  // The tile's English messages load asynchronously, as every language does.
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }
  return fixture.nativeElement as HTMLElement;
}

describe('KpiTileComponent', () => {
  it('shows the value, the change against the baseline and the baseline', async () => {
    const tile = await render(kpi({}));
    expect(tile.querySelector('[data-testid=kpi-value]')?.textContent?.trim()).toBe('544');
    expect(tile.querySelector('[data-testid=kpi-change]')?.textContent).toContain('+48 (+9.7%)');
    expect(tile.textContent).toContain('vs 496 a week on average in the previous 4 weeks');
  });

  it('stays neutral and unmarked when the change is within normal variation', async () => {
    const tile = await render(kpi({}));
    expect(tile.querySelector('article')?.className).toContain('verdict-neutral');
    expect(tile.querySelector('.significant')).toBeNull();
    expect(tile.textContent).toContain('Within normal variation');
  });

  it('marks a significant rise as bad when more is worse, and as good when more is better', async () => {
    const significant = kpi({ significant: true, pValue: 0.0004 });
    expect((await render(significant)).querySelector('article')?.className).toContain(
      'verdict-bad',
    );
    TestBed.resetTestingModule();
    const better = await render(significant, false);
    expect(better.querySelector('article')?.className).toContain('verdict-good');
    expect(better.querySelector('.significant')).not.toBeNull();
    expect(better.textContent).toContain('p < 0.001');
  });

  it('leaves out the relative change when the baseline is zero', async () => {
    const tile = await render(kpi({ value: 3, baseline: 0, change: 3, relativeChange: null }));
    expect(tile.querySelector('[data-testid=kpi-change]')?.textContent?.trim()).toBe('▲ +3');
  });
});
