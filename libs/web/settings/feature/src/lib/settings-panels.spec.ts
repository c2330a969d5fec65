import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideI18n, providePageMessages } from '@returnlens/web/shared/data-access';
import { SETTINGS_MESSAGES } from './i18n/en';
import { ReportingPanelComponent } from './reporting-panel';
import { TaxonomyPanelComponent } from './taxonomy-panel';

const REPORTING = {
  returnWindowDays: 30,
  targets: { processingHours: 24, satisfaction: 0.95, repeatContact: 0.1, returnShare: 0.03 },
};

async function render<T>(
  component: new (...args: never[]) => T,
  url: string,
  body: unknown,
): Promise<{ fixture: ComponentFixture<T>; http: HttpTestingController; el: HTMLElement }> {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      // A section shown alone: the page's messages, as the Settings page provides them.
      providePageMessages('settings', SETTINGS_MESSAGES),
    ],
  });
  const fixture = TestBed.createComponent(component);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  TestBed.tick();
  http.expectOne(url).flush(body);
  await settle(fixture);
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

/** Lets the messages (loaded asynchronously) and answered requests reach the view. */
async function settle(fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

function type(el: HTMLElement, selector: string, value: string): void {
  const input = el.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('Reporting section', () => {
  it('lists every problem the API gives beside the form and next to its field', async () => {
    const { fixture, http, el } = await render(
      ReportingPanelComponent,
      '/api/settings/reporting',
      REPORTING,
    );
    expect(
      (el.querySelector('[data-testid=reporting-satisfaction]') as HTMLInputElement).value,
    ).toBe('95');
    type(el, '[data-testid=reporting-returnWindowDays]', '60');
    el.querySelector<HTMLButtonElement>('[data-testid=reporting-save]')?.click();
    TestBed.tick();
    const put = http.expectOne('/api/settings/reporting');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ ...REPORTING, returnWindowDays: 60 });
    put.flush(
      {
        message: 'The reporting settings are not valid.',
        errors: [
          { field: 'returnWindowDays', message: 'returnWindowDays is 1 to 365' },
          { field: 'targets.returnShare', message: 'returnShare is a share from 0 to 1' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const problems = el.querySelector('[data-testid=problems]')?.textContent?.replace(/\s+/g, ' ');
    expect(problems).toContain('Not saved — 2 problems:');
    expect(problems).toContain('Return window: returnWindowDays is 1 to 365');
    expect(problems).toContain('Goods returned: returnShare is a share from 0 to 1');
    expect([...el.querySelectorAll('.field-error')].map((e) => e.textContent?.trim())).toEqual([
      'returnWindowDays is 1 to 365',
      'returnShare is a share from 0 to 1',
    ]);

    el.querySelector<HTMLButtonElement>('[data-testid=reporting-save]')?.click();
    TestBed.tick();
    http.expectOne('/api/settings/reporting').flush({ ...REPORTING, returnWindowDays: 60 });
    await settle(fixture);
    expect(el.querySelector('[data-testid=problems]')).toBeNull();
    expect(el.querySelector('[data-testid=stored]')?.textContent).toContain(
      'return window 60 days · processing ≤ 24 h · satisfaction ≥ 95 %',
    );
  });
});

describe('Own reasons and channels section', () => {
  const TAXONOMY = {
    reasons: [
      {
        code: 'own:1:Incorrect information on your report',
        label: 'Incorrect information on your report',
        category: 'other',
        source: 'undecided',
        suggestedCategory: 'service',
        claims: 4,
      },
    ],
    channels: [
      { code: 'Fax', label: '<b>Fax</b>', group: 'other', source: 'undecided', claims: 2 },
    ],
    categories: [
      { code: 'service', label: 'Service' },
      { code: 'other', label: 'Other' },
    ],
    channelGroups: ['phone', 'email', 'other'],
  };

  it('saves each changed rule and says what was stored; shop text stays text', async () => {
    const { fixture, http, el } = await render(
      TaxonomyPanelComponent,
      '/api/settings/taxonomy',
      TAXONOMY,
    );
    expect(el.querySelector('[data-testid=taxonomy-channels] b')).toBeNull();
    expect(el.querySelector('[data-testid=taxonomy-channels]')?.textContent).toContain(
      '<b>Fax</b>',
    );
    const save = el.querySelector('[data-testid=taxonomy-save]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    [...el.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('Its texts say Service'))
      ?.click();
    const group = el.querySelector(
      '[aria-label="Channel group of <b>Fax</b>"]',
    ) as HTMLSelectElement;
    group.value = 'phone';
    group.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(save.textContent?.trim()).toBe('Save 2 changes');
    save.click();
    TestBed.tick();
    const reason = http.expectOne(
      '/api/settings/taxonomy/reasons/own%3A1%3AIncorrect%20information%20on%20your%20report',
    );
    expect(reason.request.body).toEqual({ category: 'service' });
    reason.flush({ ...TAXONOMY.reasons[0], category: 'service', source: 'shop' });
    await fixture.whenStable();
    const channel = http.expectOne('/api/settings/taxonomy/channels/Fax');
    expect(channel.request.body).toEqual({ group: 'phone' });
    channel.flush({ ...TAXONOMY.channels[0], group: 'phone', source: 'shop' });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    // Reloaded with the new rules.
    http.expectOne('/api/settings/taxonomy').flush(TAXONOMY);
    await settle(fixture);
    expect(el.querySelector('[data-testid=stored]')?.textContent).toContain(
      '“Incorrect information on your report” → Service · “<b>Fax</b>” → Phone',
    );
  });
});
