import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ROLE_PERMISSIONS, type CurrentUser, type Role } from '@returnlens/shared/contracts';
import { AuthStore, provideI18n } from '@returnlens/web/shared/data-access';
import { FilterBarComponent } from './filter-bar';

const userWith = (role: Role): CurrentUser => ({
  id: '1',
  email: `${role}@example.com`,
  name: role,
  roles: [role],
  permissions: ROLE_PERMISSIONS[role],
  mustChangePassword: false,
  demo: false,
  language: null,
});

@Component({ template: '' })
class Blank {}

async function setUp(url: string, role: Role = 'owner') {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18n(),
      provideRouter([{ path: '**', component: Blank }]),
    ],
  });
  TestBed.inject(AuthStore).use(userWith(role));
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  const fixture = TestBed.createComponent(FilterBarComponent);
  fixture.detectChanges();
  TestBed.tick();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/analytics/kpis').flush({ period: { to: { week: '2026-W10' } } });
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, router, http, el: fixture.nativeElement as HTMLElement };
}

describe('FilterBarComponent', () => {
  it('shows the active filters as removable chips with readable labels', async () => {
    const { fixture, router, el } = await setUp('/sla?reason=wrong_size&channel=email,chat');
    const chips = [...el.querySelectorAll('[data-testid=chip]')].map(
      (c) => `${c.querySelector('.chip-key')?.textContent} ${c.querySelector('bdi')?.textContent}`,
    );
    expect(chips).toEqual(['Channel: Email', 'Channel: Chat', 'Reason: Wrong size']);
    expect((el.querySelector('[data-testid=to]') as HTMLInputElement).value).toBe('2026-W10');
    expect((el.querySelector('[data-testid=from]') as HTMLInputElement).value).toBe('2025-W51');

    el.querySelector<HTMLButtonElement>('[aria-label="Remove filter Channel Email"]')?.click();
    await fixture.whenStable();
    expect(router.url).toBe('/sla?reason=wrong_size&channel=chat');
  });

  it('writes a quick pick into the URL and keeps the page’s own parameters', async () => {
    const { fixture, router, el } = await setUp('/sla?clock=business');
    const select = el.querySelector<HTMLSelectElement>('[data-testid=period]');
    if (!select) throw new Error('no period select');
    select.value = '4w';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(router.url).toBe('/sla?clock=business&period=4w');
  });

  it('adds a filter from the vocabulary', async () => {
    const { fixture, router, el } = await setUp('/feedback');
    const dimension = el.querySelector<HTMLSelectElement>('[data-testid=add-filter]');
    if (!dimension) throw new Error('no add-filter select');
    dimension.value = 'language';
    dimension.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const value = el.querySelector<HTMLSelectElement>('[data-testid=add-value]');
    expect([...(value?.options ?? [])].map((o) => o.textContent?.trim())).toContain('Hebrew');
    if (!value) throw new Error('no value select');
    value.value = 'he';
    value.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(router.url).toBe('/feedback?language=he');
  });

  it('offers the supplier and product pickers only to a role that may read suppliers', async () => {
    const options = (el: HTMLElement) =>
      [...(el.querySelector<HTMLSelectElement>('[data-testid=add-filter]')?.options ?? [])].map(
        (o) => o.value,
      );
    const owner = await setUp('/feedback');
    expect(options(owner.el)).toEqual(expect.arrayContaining(['supplier', 'product']));
    TestBed.resetTestingModule();
    const manager = await setUp('/feedback?supplier=S1', 'manager');
    expect(options(manager.el)).not.toContain('supplier');
    expect(options(manager.el)).not.toContain('product');
    // The supplier chip in a shared link keeps its id; no scorecard is asked for.
    manager.http.expectNone((r) => r.url.startsWith('/api/analytics/suppliers'));
    expect(manager.el.querySelector('[data-testid=chip] bdi')?.textContent).toBe('S1');
  });

  it('opens the filters as a sheet from a button that counts them, and keeps the URL behaviour', async () => {
    const { fixture, router, el } = await setUp('/sla?reason=wrong_size&channel=email,chat');
    const button = el.querySelector<HTMLButtonElement>('[data-testid=filters-button]');
    const sheet = el.querySelector<HTMLElement>('[data-testid=filter-sheet]');
    if (!button || !sheet) throw new Error('no filters button or sheet');
    expect(button.textContent?.trim()).toBe('3 filters');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(sheet.classList).not.toContain('open');

    button.click();
    fixture.detectChanges();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(sheet.classList).toContain('open');
    // A chip removed inside the sheet changes the address; the sheet stays open for more.
    sheet.querySelector<HTMLButtonElement>('[aria-label="Remove filter Channel Email"]')?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(router.url).toBe('/sla?reason=wrong_size&channel=chat');
    expect(button.textContent?.trim()).toBe('2 filters');
    expect(sheet.classList).toContain('open');

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    fixture.detectChanges();
    expect(sheet.classList).not.toContain('open');
    button.click();
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid=filters-done]')?.click();
    fixture.detectChanges();
    expect(sheet.classList).not.toContain('open');
  });

  it('says "Filters" on the button when none is on', async () => {
    const { el } = await setUp('/sla');
    expect(el.querySelector('[data-testid=filters-button]')?.textContent?.trim()).toBe('Filters');
  });
});
