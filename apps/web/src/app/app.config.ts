import {
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { XSRF_COOKIE, XSRF_HEADER } from '@returnlens/shared/contracts';
import {
  AuthStore,
  authInterceptor,
  languageInterceptor,
  LanguageStore,
  provideI18n,
  TranslatedTitleStrategy,
} from '@returnlens/web/shared/data-access';
import { ANCHOR_SOURCE } from '@returnlens/web/shared/filters';
import { loadEcharts } from '@returnlens/web/shared/ui-charts';
import { provideEchartsCore } from 'ngx-echarts';
import { appRoutes } from './app.routes';

/**
 * The latest week with data, from an analytics answer this user may read: the KPIs (claims),
 * else the reason Pareto (suppliers), else the aspects (feedback).
 */
export function anchorSourceFor(auth: AuthStore): () => string | null {
  return () =>
    auth.can('claims')
      ? '/api/analytics/kpis'
      : auth.can('suppliers')
        ? '/api/analytics/pareto'
        : auth.can('feedback')
          ? '/api/analytics/aspects'
          : null;
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // Tab titles in the interface language (a route's title is a message key).
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // Changes carry the session's CSRF token: the XSRF-TOKEN cookie echoed in X-XSRF-TOKEN
    // (Angular adds it to every non-GET request to a relative URL).
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }),
      withInterceptors([authInterceptor, languageInterceptor]),
    ),
    provideI18n(),
    // Who is signed in, before the first navigation's guards ask; then the language that
    // speaks to them (theirs, else the browser's, else the shop's).
    provideAppInitializer(async () => {
      const auth = inject(AuthStore);
      const language = inject(LanguageStore);
      await auth.load();
      await language.resolve();
    }),
    { provide: ANCHOR_SOURCE, useFactory: () => anchorSourceFor(inject(AuthStore)) },
    provideEchartsCore({ echarts: loadEcharts }),
  ],
};
