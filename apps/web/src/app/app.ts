import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@returnlens/shared/contracts';
import { AuthStore, pageOf } from '@returnlens/web/shared/data-access';
import {
  FilterBarComponent,
  RecordsDrawerComponent,
  WhyPanelComponent,
} from '@returnlens/web/shell/feature';
import { ThemeStore } from '@returnlens/web/shared/ui-charts';
import { filter, map } from 'rxjs';

@Component({
  selector: 'rl-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    FilterBarComponent,
    RecordsDrawerComponent,
    WhyPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly themeStore = inject(ThemeStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly path = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
    ),
    { initialValue: typeof location === 'undefined' ? '' : location.pathname },
  );

  protected readonly user = this.auth.user;
  /** The sidebar, filter bar and drawers frame the pages of a signed-in user only. */
  protected readonly chrome = computed(
    () => this.auth.signedIn() && !['/login', '/password'].includes(this.path()),
  );
  protected readonly roleLabel = computed(() =>
    (this.user()?.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join(', '),
  );

  /** The dashboard pages share the filter bar; the Weekly report picks its own week. */
  /** Not on a page the role does not open (no figures there to filter). */
  protected readonly filterBar = computed<'full' | 'values' | 'none'>(() => {
    const page = pageOf(this.path());
    if (!page || !this.auth.opens(page.permission)) return 'none';
    const first = this.path().split('/')[1] ?? '';
    if (first === 'weekly') return 'values';
    return ['suppliers', 'sla', 'feedback', 'root-causes', 'money'].includes(first)
      ? 'full'
      : 'none';
  });

  /** The pages the user's role opens, each with what it is about. */
  protected readonly nav = this.auth.pages;
  protected readonly themeLabel = computed(() =>
    this.themeStore.theme() === 'light' ? 'Switch to dark theme' : 'Switch to light theme',
  );
  protected readonly themeIcon = computed(() => (this.themeStore.theme() === 'light' ? '☾' : '☀'));

  protected toggleTheme(): void {
    this.themeStore.toggle();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut().catch(() => undefined); // signed out here either way
    await this.router.navigateByUrl('/login');
  }
}
