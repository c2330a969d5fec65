import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { LanguageStore } from './i18n';

/** The kinds of the product's own vocabulary, translated in the shell's messages (`domain.*`). */
export type DomainKind =
  'reason' | 'category' | 'channel' | 'type' | 'status' | 'resolution' | 'filter' | 'period';

/**
 * The product's vocabulary — reasons, reason categories, channels, claim types, filter names,
 * period picks — in the interface language. A code the vocabulary does not know (a shop's own
 * reason or channel) keeps `fallback`, its own words. Reads the language signal, so a
 * `computed()` that labels re-runs when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class DomainLabels {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;

  label(kind: DomainKind, code: string, fallback: string = code): string {
    this.language();
    const key = `domain.${kind}.${code}`;
    const text = this.transloco.translate(key);
    return text === key || !text ? fallback : text;
  }

  /** A language's name in the interface language ("polski", "Polish", "פולנית"). */
  languageName(code: string, fallback: string = code): string {
    const lang = this.language();
    try {
      const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code);
      return name && name !== code ? name : fallback;
    } catch {
      return fallback;
    }
  }

  /** A text of the shell's messages (`bar.…`, `app.…`) with its values. */
  text(key: string, params?: Record<string, unknown>): string {
    this.language();
    return this.transloco.translate(key, params);
  }
}
