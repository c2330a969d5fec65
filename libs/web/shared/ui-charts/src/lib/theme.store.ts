import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { cssVariables, DESIGN_TOKENS, type ThemeName } from './tokens';

const STORAGE_KEY = 'returnlens.theme';

/** Light or dark theme: applied to the page as CSS custom properties, and to every chart. */
@Injectable({ providedIn: 'root' })
export class ThemeStore {
  private readonly document = inject(DOCUMENT);
  private readonly chosen = signal<ThemeName>(this.initialTheme());

  readonly theme = this.chosen.asReadonly();
  readonly tokens = computed(() => DESIGN_TOKENS[this.chosen()]);

  constructor() {
    effect(() => {
      const root = this.document.documentElement;
      root.dataset['theme'] = this.chosen();
      root.style.colorScheme = this.chosen();
      for (const [name, value] of Object.entries(cssVariables(this.tokens()))) {
        root.style.setProperty(name, value);
      }
    });
  }

  set(theme: ThemeName): void {
    this.chosen.set(theme);
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }

  toggle(): void {
    this.set(this.chosen() === 'light' ? 'dark' : 'light');
  }

  private initialTheme(): ThemeName {
    const view = this.document.defaultView;
    const fromUrl = new URLSearchParams(view?.location.search ?? '').get('theme');
    if (fromUrl === 'light' || fromUrl === 'dark') return fromUrl;
    try {
      const stored = view?.localStorage.getItem(STORAGE_KEY);
      if (stored === 'light' || stored === 'dark') return stored;
    } catch {
      // ignore
    }
    return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}
