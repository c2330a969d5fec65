import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  HostListener,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { UI_LANGUAGE_NAMES, type UiLanguage } from '@returnlens/shared/contracts';
import { AuthStore, LanguageStore, pageOf } from '@returnlens/web/shared/data-access';
import {
  FilterBarComponent,
  RecordsDrawerComponent,
  WhyPanelComponent,
} from '@returnlens/web/shell/feature';
import { setFormatLanguage, ThemeStore } from '@returnlens/web/shared/ui-charts';
import { filter, map } from 'rxjs';

/** Pages already in every interface language (by first path segment; the rest speak English). */
const TRANSLATED_PAGES = new Set([
  'login',
  'password',
  'weekly',
  'suppliers',
  'sla',
  'feedback',
  'root-causes',
  'money',
  'data',
  'admin',
  'settings',
  'subscriptions',
]);

@Component({
  selector: 'rl-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    FilterBarComponent,
    RecordsDrawerComponent,
    WhyPanelComponent,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly themeStore = inject(ThemeStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly languageStore = inject(LanguageStore);
  private readonly transloco = inject(TranslocoService);
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
  /**
   * Pages whose texts are not translated yet are marked English, left to right (docs/i18n.md):
   * their numbers and words keep their order inside a mirrored Hebrew shell.
   */
  protected readonly contentLang = computed(() =>
    TRANSLATED_PAGES.has(this.path().split('/')[1] ?? '') ? null : this.untranslated(),
  );
  /** The metric definitions (written by the API) are not translated yet. */
  protected readonly untranslated = computed(() => (this.language() === 'en' ? null : 'en'));
  /** Below 900 px the navigation is a sheet opened from the menu button. */
  protected readonly menuOpen = signal(false);
  protected readonly language = this.languageStore.language;
  protected readonly languages = this.languageStore.languages;
  protected readonly languageNames = UI_LANGUAGE_NAMES;

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
    this.themeStore.theme() === 'light' ? 'app.toDark' : 'app.toLight',
  );
  protected readonly themeIcon = computed(() => (this.themeStore.theme() === 'light' ? '☾' : '☀'));

  constructor() {
    // Numbers, money, dates and durations in the interface language's way.
    effect(() => setFormatLanguage(this.language()));
  }

  @HostListener('document:keydown.escape')
  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  /** Another interface language: the page stays where it is, its texts change. */
  protected chooseLanguage(language: UiLanguage): void {
    void this.languageStore.choose(language, this.auth.signedIn());
  }

  protected toggleTheme(): void {
    this.themeStore.toggle();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut().catch(() => undefined); // signed out here either way
    this.menuOpen.set(false);
    await this.router.navigateByUrl('/login');
    await this.languageStore.resolve(); // the browser's language again
  }

  /** The user's roles in the interface language. */
  protected rolesText(roles: readonly string[]): string {
    this.language(); // re-read when the language changes
    return roles.map((role) => this.transloco.translate(`roles.${role}`)).join(', ');
  }
}
