import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, type Provider } from '@angular/core';
import {
  TRANSLOCO_SCOPE,
  TranslocoPipe,
  type Translation,
  type TranslocoScope,
} from '@jsverse/transloco';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { FORMS_MESSAGES } from './i18n/en';

/** One problem that stops a form: `field` is a dotted path, or `''` for the whole form. */
export interface FormStatusProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * The form status's own messages (scope `forms`): English from the code, every other language
 * from `/i18n/forms/<language>.json` beside the app.
 */
const FORMS_SCOPE: Provider = {
  provide: TRANSLOCO_SCOPE,
  multi: true,
  useFactory: (): TranslocoScope => {
    const http = inject(HttpClient);
    const loader = Object.fromEntries(
      UI_LANGUAGES.map((lang) => [
        lang,
        lang === 'en'
          ? () => Promise.resolve(FORMS_MESSAGES as unknown as Translation)
          : () => firstValueFrom(http.get<Translation>(`/i18n/forms/${lang}.json`)),
      ]),
    );
    return { scope: 'forms', alias: 'forms', loader };
  },
};

/**
 * Beside a form's button: every problem that stops it (the form's own checks or the API's
 * list, each with its field), or what was stored. The problems' messages and what was stored
 * come in words from the caller (the API's texts as they are).
 */
@Component({
  selector: 'rl-form-status',
  imports: [TranslocoPipe],
  providers: [FORMS_SCOPE],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div class="problems" role="alert" data-testid="problems">
        <p>
          {{ verb() ?? ('forms.notSaved' | transloco) }} —
          {{ 'forms.problems' | transloco: { count: problems().length } }}:
        </p>
        <ul>
          @for (p of problems(); track $index) {
            <li>
              @if (p.field) {
                <span class="field">{{ label()(p.field) }}</span>:
              }
              <span dir="auto">{{ p.message }}</span>
            </li>
          }
        </ul>
      </div>
    } @else if (stored(); as text) {
      <p class="stored" role="status" data-testid="stored">
        @if (storedPrefix() === undefined) {
          <span aria-hidden="true">✓</span> {{ 'forms.stored' | transloco }}
          <span dir="auto">{{ text }}</span>
        } @else if (storedPrefix(); as prefix) {
          <span aria-hidden="true">✓</span> {{ prefix }} <span dir="auto">{{ text }}</span>
        } @else {
          <span aria-hidden="true">✓ </span><span dir="auto">{{ text }}</span>
        }
      </p>
    }
  `,
  styleUrl: './form-status.scss',
})
export class FormStatusComponent {
  readonly problems = input<readonly FormStatusProblem[]>([]);
  readonly stored = input<string | null>(null);
  /**
   * What did not happen, in words, before the count of problems ("Not saved — 2 problems:");
   * by default "Not saved" in the interface language.
   */
  readonly verb = input<string | null>(null);
  /**
   * The words before what was stored ("✓ Stored: …"), by default "Stored:" in the interface
   * language; `null` shows the check mark alone.
   */
  readonly storedPrefix = input<string | null | undefined>(undefined);
  /** A field path in words (`targets.satisfaction` → "Satisfaction"). */
  readonly label = input<(field: string) => string>((field) => field);
}
