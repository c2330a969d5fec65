import { HttpClient } from '@angular/common/http';
import {
  DOCUMENT,
  inject,
  Injectable,
  isDevMode,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
  signal,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import {
  provideTransloco,
  TRANSLOCO_SCOPE,
  provideTranslocoTranspiler,
  TranslocoService,
  type Translation,
  type TranslocoLoader,
  type TranslocoScope,
  type TranslocoTranspiler,
  type TranspileParams,
} from '@jsverse/transloco';
import { IntlMessageFormat } from 'intl-messageformat';
import {
  isUiLanguage,
  RTL_LANGUAGES,
  UI_LANGUAGES,
  type LanguageAnswer,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import { firstValueFrom, of, type Observable } from 'rxjs';
import { API_BASE } from '../weekly-report.resource';
import { EN_MESSAGES } from './en';
import { provideHttpErrorText } from './http-errors';
import { setApiLanguage } from './api-language';

/** English from the code; every other language from its JSON file beside the app. */
@Injectable({ providedIn: 'root' })
export class MessagesLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(language: string): Observable<Translation> {
    return language === 'en'
      ? of(EN_MESSAGES as unknown as Translation)
      : this.http.get<Translation>(`/i18n/${language}.json`);
  }
}

/**
 * ICU MessageFormat (`{count, plural, one {…} other {…}}`, `{name}`) by FormatJS's
 * intl-messageformat, which interprets messages — no `new Function`, so the page's
 * Content-Security-Policy (`script-src 'self'`) holds. Compiled messages are kept per language.
 */
@Injectable()
export class IcuTranspiler implements TranslocoTranspiler {
  private lang = 'en';
  private readonly compiled = new Map<string, IntlMessageFormat>();

  onLangChanged(lang: string): void {
    this.lang = lang;
  }

  transpile({ value, params }: TranspileParams): unknown {
    if (typeof value !== 'string' || !value.includes('{')) return value;
    const key = `${this.lang}\u0000${value}`;
    let format = this.compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(value, this.lang, undefined, { ignoreTag: true });
      this.compiled.set(key, format);
    }
    return format.format(params ?? {});
  }
}

/**
 * A page's own messages (a Transloco scope): English from the page's code (`english`), every
 * other language from `/i18n/<scope>/<language>.json` beside the app, loaded when the page
 * first shows in it. In the page's templates the keys read `<scope>.<key>`
 * (`{{ 'weekly.title' | transloco }}`). Provide it in the page component's `providers`.
 */
export function providePageMessages(scope: string, english: object): Provider {
  return {
    provide: TRANSLOCO_SCOPE,
    multi: true,
    useFactory: (): TranslocoScope => {
      const http = inject(HttpClient);
      const loader = Object.fromEntries(
        UI_LANGUAGES.map((lang) => [
          lang,
          lang === 'en'
            ? () => Promise.resolve(english as Translation)
            : () => firstValueFrom(http.get<Translation>(`/i18n/${scope}/${lang}.json`)),
        ]),
      );
      return { scope, alias: scope, loader };
    },
  };
}

/** Transloco with ICU MessageFormat (plurals, placeholders), English as the fallback. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...UI_LANGUAGES],
        defaultLang: 'en',
        fallbackLang: 'en',
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: MessagesLoader,
    }),
    provideTranslocoTranspiler(IcuTranspiler),
    // What a failed request says, in the interface language wherever it is described.
    provideHttpErrorText(),
    // English (from the code, no request) is there before anything is shown or computed.
    provideEnvironmentInitializer(() => {
      inject(TranslocoService).load('en').subscribe();
    }),
  ]);
}

/**
 * The interface language (docs/i18n.md): the signed-in user's choice, else the browser's
 * `Accept-Language`, else the shop's default — as the API resolves it. Changing it changes
 * the texts in place (no reload: the address and its filters stay) and `<html lang dir>`.
 */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<UiLanguage>('en');
  readonly language = this.current.asReadonly();
  readonly languages = UI_LANGUAGES;

  /** Asks the API which language speaks to this caller, and speaks it. */
  async resolve(): Promise<UiLanguage> {
    try {
      const answer = await firstValueFrom(
        this.http.get<LanguageAnswer>(`${API_BASE}/auth/language`),
      );
      await this.use(answer.language);
    } catch {
      await this.use(this.current()); // the API unreachable: keep what is shown
    }
    return this.current();
  }

  /** The user's choice, kept with the account when signed in. */
  async choose(language: UiLanguage, signedIn: boolean): Promise<void> {
    if (signedIn) await firstValueFrom(this.http.put(`${API_BASE}/auth/language`, { language }));
    await this.use(language);
  }

  /** Speaks `language`: its messages loaded, then the document's language and direction. */
  async use(language: UiLanguage): Promise<void> {
    const lang = isUiLanguage(language) ? language : 'en';
    await firstValueFrom(this.transloco.load(lang)).catch(() => undefined);
    this.transloco.setActiveLang(lang);
    this.current.set(lang);
    setApiLanguage(lang);
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
  }
}
