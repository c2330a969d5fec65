import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@returnlens/shared/contracts';
import { AuthStore, pageOf } from '@returnlens/web/shared/data-access';
import { map } from 'rxjs';

/**
 * Every address no page route took: a page the user's role does not open ("Not available
 * for your role", with the pages it does), or no page at all.
 */
@Component({
  selector: 'rl-not-available-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (page(); as page) {
      <h1>Not available for your role</h1>
      <p class="question" data-testid="not-available">
        {{ page.label }} is not part of your role ({{ roleLabel() }}). An admin can give you another
        role if you need it.
      </p>
    } @else {
      <h1>Page not found</h1>
      <p class="question">This address does not match any page.</p>
    }
    <section class="panel">
      @if (pages().length) {
        <p>Your role can see:</p>
        <ul data-testid="allowed-pages">
          @for (p of pages(); track p.path) {
            <li>
              <a [routerLink]="p.path">{{ p.label }}</a>
            </li>
          }
        </ul>
      } @else {
        <p>Your role opens no page of the dashboard yet. Ask an admin for a role.</p>
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
  protected readonly roleLabel = computed(() =>
    (this.auth.user()?.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join(', '),
  );
}
