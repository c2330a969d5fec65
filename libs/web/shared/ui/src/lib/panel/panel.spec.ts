import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  provideTransloco,
  provideTranslocoTranspiler,
  type TranslocoTranspiler,
  type TranspileParams,
} from '@jsverse/transloco';
import { IntlMessageFormat } from 'intl-messageformat';
import { of } from 'rxjs';
import { PanelComponent, type PanelState } from './panel';

/** ICU messages, as the app's Transloco reads them (plurals, placeholders). */
@Injectable()
class Icu implements TranslocoTranspiler {
  transpile({ value, params }: TranspileParams): unknown {
    return typeof value === 'string' && value.includes('{')
      ? new IntlMessageFormat(value, 'en', undefined, { ignoreTag: true }).format(params ?? {})
      : value;
  }
}

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

/**
 * Renders in `lang` and lets its messages arrive: English from the code, another language from
 * its file beside the app, answered where the app would fetch it.
 */
async function render(lang = 'en') {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTransloco({
        config: { availableLangs: ['en', lang], defaultLang: lang, fallbackLang: 'en' },
        loader: class {
          getTranslation() {
            return of({});
          }
        },
      }),
      provideTranslocoTranspiler(Icu),
    ],
  });
  const fixture = TestBed.createComponent(Host);
  const settle = async () => {
    await fixture.detectChanges();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
      await fixture.detectChanges();
    }
  };
  await settle();
  if (lang !== 'en') {
    const file = join(__dirname, `../../../../../../../apps/web/public/i18n/panels/${lang}.json`);
    TestBed.inject(HttpTestingController)
      .match(`/i18n/panels/${lang}.json`)
      .forEach((request) => request.flush(JSON.parse(readFileSync(file, 'utf8'))));
    await settle();
  }
  return {
    fixture: { componentInstance: fixture.componentInstance, detectChanges: settle },
    el: fixture.nativeElement as HTMLElement,
  };
}

describe('PanelComponent', () => {
  it('shows the chart frame while loading, never a blank chart', async () => {
    const { el } = await render();
    expect(el.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('.skeleton')).not.toBeNull();
    expect(el.querySelector('.content')).toBeNull();
  });

  it('says what failed and retries', async () => {
    const { fixture, el } = await render();
    fixture.componentInstance.state.set('error');
    await fixture.detectChanges();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('error (500)');
    el.querySelector<HTMLButtonElement>('[role=alert] button')?.click();
    expect(fixture.componentInstance.retried).toBe(1);
  });

  it('says why it is empty and what to do', async () => {
    const { fixture, el } = await render();
    fixture.componentInstance.state.set('empty');
    await fixture.detectChanges();
    expect(el.textContent).toContain('No claims in this period.');
    expect(el.textContent).toContain('Widen the period or remove a filter');
  });

  it('shows the content with the finding as title and the ⋯ menu', async () => {
    const { fixture, el } = await render();
    fixture.componentInstance.state.set('ready');
    await fixture.detectChanges();
    expect(el.querySelector('h2')?.textContent?.trim()).toBe("Kestrel's defect rate tripled");
    expect(el.querySelector('.content')).not.toBeNull();
    const trigger = el.querySelector<HTMLButtonElement>('[data-testid=chart-menu]');
    expect(trigger?.getAttribute('aria-label')).toBe("More for Kestrel's defect rate tripled");
    trigger?.click();
    await fixture.detectChanges();
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
    await fixture.detectChanges();
    expect(fixture.componentInstance.records).toBe(1);
    expect(el.querySelector('[role=menu]')).toBeNull();
  });

  it('speaks the interface language: the menu, the loading frame and the empty hint in Polish', async () => {
    const { fixture, el } = await render('pl');
    expect(el.querySelector('.skeleton')?.getAttribute('aria-label')).toBe('Wczytywanie…');
    fixture.componentInstance.state.set('empty');
    await fixture.detectChanges();
    const hint = el.querySelector('.hint');
    expect(hint?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Poszerz okres lub usuń filtr na pasku powyżej albo zaimportuj dane na stronie Dane.',
    );
    expect(hint?.querySelector('a')?.textContent).toBe('Dane');
    fixture.componentInstance.state.set('ready');
    await fixture.detectChanges();
    const trigger = el.querySelector<HTMLButtonElement>('[data-testid=chart-menu]');
    expect(trigger?.getAttribute('aria-label')).toBe("Więcej: Kestrel's defect rate tripled");
    trigger?.click();
    await fixture.detectChanges();
    expect([...el.querySelectorAll('[role=menuitem]')].map((i) => i.textContent?.trim())).toEqual([
      'Eksportuj CSV',
      'Eksportuj Arrow',
      'Pokaż rekordy',
      'Skąd ta liczba',
    ]);
  });
});
