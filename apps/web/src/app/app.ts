import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ThemeStore } from '@returnlens/web/shared/ui-charts';

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly hint: string;
}

@Component({
  selector: 'rl-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly themeStore = inject(ThemeStore);

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
