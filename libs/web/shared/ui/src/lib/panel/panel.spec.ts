import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PanelComponent, type PanelState } from './panel';

@Component({
  imports: [PanelComponent],
  template: `
    <rl-panel
      id="demo"
      heading="Kestrel's defect rate tripled"
      subtitle="Defect units ÷ units sold"
      [state]="state()"
      errorMessage="The server answered with an error (500)."
      emptyText="No claims in this period."
      csvHref="/api/analytics/pareto?format=csv"
      (retry)="retried = retried + 1"
      (viewRecords)="records = records + 1"
      (why)="why = why + 1"
    >
      <p class="content">chart</p>
    </rl-panel>
  `,
})
class Host {
  readonly state = signal<PanelState>('loading');
  retried = 0;
  records = 0;
  why = 0;
}

function render() {
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe('PanelComponent', () => {
  it('shows the chart frame while loading, never a blank chart', () => {
    const { el } = render();
    expect(el.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('.skeleton')).not.toBeNull();
    expect(el.querySelector('.content')).toBeNull();
  });

  it('says what failed and retries', () => {
    const { fixture, el } = render();
    fixture.componentInstance.state.set('error');
    fixture.detectChanges();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('error (500)');
    el.querySelector<HTMLButtonElement>('[role=alert] button')?.click();
    expect(fixture.componentInstance.retried).toBe(1);
  });

  it('says why it is empty and what to do', () => {
    const { fixture, el } = render();
    fixture.componentInstance.state.set('empty');
    fixture.detectChanges();
    expect(el.textContent).toContain('No claims in this period.');
    expect(el.textContent).toContain('Widen the period or remove a filter');
  });

  it('shows the content with the finding as title and the ⋯ menu', () => {
    const { fixture, el } = render();
    fixture.componentInstance.state.set('ready');
    fixture.detectChanges();
    expect(el.querySelector('h2')?.textContent?.trim()).toBe("Kestrel's defect rate tripled");
    expect(el.querySelector('.content')).not.toBeNull();
    const trigger = el.querySelector<HTMLButtonElement>('[data-testid=chart-menu]');
    expect(trigger?.getAttribute('aria-label')).toBe("More for Kestrel's defect rate tripled");
    trigger?.click();
    fixture.detectChanges();
    const items = [...el.querySelectorAll('[role=menuitem]')];
    expect(items.map((i) => i.textContent?.trim())).toEqual([
      'Export CSV',
      'Export Arrow',
      'View records',
      'Why this number',
    ]);
    expect(items[0].getAttribute('href')).toBe('/api/analytics/pareto?format=csv');
    expect(items[1].getAttribute('href')).toBe('/api/analytics/pareto?format=arrow');
    (items[2] as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(fixture.componentInstance.records).toBe(1);
    expect(el.querySelector('[role=menu]')).toBeNull();
  });
});
