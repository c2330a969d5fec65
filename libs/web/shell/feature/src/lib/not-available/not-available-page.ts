import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthStore, LanguageStore, pageOf } from '@returnlens/web/shared/data-access';
import { map } from 'rxjs';

/**
 * Every address no page route took: a page the user's role does not open ("Not available
 * for your role", with the pages it does), or no page at all.
 */
@Component({
  selector: 'rl-not-available-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (page(); as page) {
      <h1>{{ 'notAvailable.title' | transloco }}</h1>
      <p class="question" data-testid="not-available">{{ notInRole() }}</p>
    } @else {
      <h1>{{ 'notAvailable.notFound' | transloco }}</h1>
      <p class="question">{{ 'notAvailable.noSuchPage' | transloco }}</p>
    }
    <section class="panel">
      @if (pages().length) {
        <p>{{ 'notAvailable.yourPages' | transloco }}</p>
        <ul data-testid="allowed-pages">
          @for (p of pages(); track p.path) {
            <li>
              <a [routerLink]="p.path">{{ 'nav.' + p.path.slice(1) + '.label' | transloco }}</a>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'notAvailable.noPages' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    h1 {
      margin: 0 0 4px;
      font-size: 1.6rem;
    }
    .question {
      color: var(--rl-text-muted);
      margin: 0 0 16px;
    }
    .panel {
      background: var(--rl-surface);
      border: 1px solid var(--rl-border);
      border-radius: 10px;
      padding: 16px;
      max-width: 640px;
    }
    .panel p {
      margin: 0 0 8px;
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    li {
      margin: 4px 0;
    }
    a {
      color: var(--rl-accent);
    }
  `,
})
export class NotAvailablePage {
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;
  private readonly url = toSignal(
    inject(ActivatedRoute).url.pipe(map((segments) => `/${segments.map((s) => s.path).join('/')}`)),
    { initialValue: '' },
  );

  /** The page the address belongs to, when it is one the role cannot open. */
  protected readonly page = computed(() => {
    const page = pageOf(this.url());
    return page && !this.auth.opens(page.permission) ? page : null;
  });
  protected readonly pages = this.auth.pages;
  /** "SLA is not part of your role (Buyer — …)", in the interface language. */
  protected readonly notInRole = computed(() => {
    const page = this.page();
    this.language(); // written again when the language changes
    if (!page) return '';
    const t = (key: string, values?: Record<string, string>) =>
      this.transloco.translate(key, values);
    const roles = (this.auth.user()?.roles ?? []).map((role) => t(`roles.${role}`)).join(', ');
    return t('notAvailable.notInRole', { page: t(`nav.${page.path.slice(1)}.label`), roles });
  });
}
