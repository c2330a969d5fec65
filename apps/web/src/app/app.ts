import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  FilterBarComponent,
  RecordsDrawerComponent,
  WhyPanelComponent,
} from '@returnlens/web/shell/feature';
import { ThemeStore } from '@returnlens/web/shared/ui-charts';
import { filter, map } from 'rxjs';

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly hint: string;
}

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
  private readonly router = inject(Router);
  private readonly path = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
    ),
    { initialValue: '' },
  );

  /** The dashboard pages share the filter bar; the Weekly report picks its own week. */
  protected readonly filterBar = computed<'full' | 'values' | 'none'>(() => {
    const first = this.path().split('/')[1] ?? '';
    if (first === 'weekly') return 'values';
    return ['suppliers', 'sla', 'feedback', 'root-causes'].includes(first) ? 'full' : 'none';
  });

  protected readonly nav: readonly NavItem[] = [
    { path: '/weekly', label: 'Weekly report', hint: 'Owner' },
    { path: '/suppliers', label: 'Suppliers', hint: 'Buyer' },
    { path: '/sla', label: 'SLA', hint: 'Service' },
    { path: '/feedback', label: 'Feedback', hint: 'All' },
    { path: '/root-causes', label: 'Root causes', hint: 'All' },
    { path: '/data', label: 'Data', hint: 'Import' },
  ];
  protected readonly themeLabel = computed(() =>
    this.themeStore.theme() === 'light' ? 'Switch to dark theme' : 'Switch to light theme',
  );
  protected readonly themeIcon = computed(() => (this.themeStore.theme() === 'light' ? '☾' : '☀'));

  protected toggleTheme(): void {
    this.themeStore.toggle();
  }
}
