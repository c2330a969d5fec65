import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  provideTransloco,
  provideTranslocoTranspiler,
  type TranslocoTranspiler,
  type TranspileParams,
} from '@jsverse/transloco';
import { IntlMessageFormat } from 'intl-messageformat';
import { of } from 'rxjs';
import { FormStatusComponent, type FormStatusProblem } from './form-status';

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
  imports: [FormStatusComponent],
  template: `
    <rl-form-status [problems]="problems()" [stored]="stored()" [label]="label" />
    <rl-form-status
      class="create"
      verb="Not created"
      [storedPrefix]="null"
      [problems]="problems()"
      [stored]="stored()"
    />
  `,
})
class Host {
  readonly problems = signal<readonly FormStatusProblem[]>([]);
  readonly stored = signal<string | null>(null);
  readonly label = (field: string) => (field === 'window.days' ? 'Return window' : field);
}

/** Renders and lets the English messages (loaded asynchronously) arrive. */
async function render() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTransloco({
        config: { availableLangs: ['en'], defaultLang: 'en', fallbackLang: 'en' },
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
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const [save, create] = Array.from(el.querySelectorAll('rl-form-status'));
  const host = fixture.componentInstance;
  const settle = async () => {
    await fixture.detectChanges();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
      await fixture.detectChanges();
    }
  };
  return { fixture: { detectChanges: settle }, host, save, create };
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('FormStatusComponent', () => {
  it('shows nothing while there is neither a problem nor a stored value', async () => {
    const { save, create } = await render();
    expect(text(save)).toBe('');
    expect(text(create)).toBe('');
  });

  it('lists every problem with its field in words, after the verb and the count', async () => {
    const { fixture, host, save, create } = await render();
    host.problems.set([
      { field: 'window.days', message: 'A whole number of days.' },
      { field: '', message: 'The server refused the form.' },
    ]);
    await fixture.detectChanges();
    expect(save.querySelector('[role=alert]')).not.toBeNull();
    expect(text(save.querySelector('[data-testid=problems] p'))).toBe('Not saved — 2 problems:');
    expect(Array.from(save.querySelectorAll('li')).map((li) => text(li))).toEqual([
      'Return window: A whole number of days.',
      'The server refused the form.',
    ]);
    expect(text(create.querySelector('[data-testid=problems] p'))).toBe(
      'Not created — 2 problems:',
    );
    expect(text(create.querySelector('li'))).toBe('window.days: A whole number of days.');

    host.problems.set([{ field: '', message: 'One.' }]);
    await fixture.detectChanges();
    expect(text(save.querySelector('[data-testid=problems] p'))).toBe('Not saved — one problem:');
  });

  it('says what was stored, with or without the words before it', async () => {
    const { fixture, host, save, create } = await render();
    host.stored.set('return window 30 days');
    await fixture.detectChanges();
    const stored = save.querySelector('[data-testid=stored]');
    expect(stored?.getAttribute('role')).toBe('status');
    expect(stored?.textContent).toBe('✓ Stored: return window 30 days');
    expect(stored?.querySelector('[aria-hidden=true]')?.textContent).toBe('✓');
    expect(create.querySelector('[data-testid=stored]')?.textContent).toBe(
      '✓ return window 30 days',
    );
    expect(create.querySelector('[data-testid=stored] [aria-hidden=true]')?.textContent).toBe('✓ ');
  });

  it('shows the problems rather than an older stored value', async () => {
    const { fixture, host, save } = await render();
    host.stored.set('x');
    host.problems.set([{ field: '', message: 'No.' }]);
    await fixture.detectChanges();
    expect(save.querySelector('[data-testid=stored]')).toBeNull();
    expect(save.querySelector('[data-testid=problems]')).not.toBeNull();
  });
});
