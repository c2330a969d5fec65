import {
  ChangeDetectionStrategy,
  Component,
  inject,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { SettingsApi, problemsOf, type FieldProblem } from '@returnlens/web/shared/data-access';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  errorsByField,
  hasErrors,
  reportingBody,
  reportingErrors,
  reportingFormOf,
  type FieldErrors,
  type ReportingForm,
} from './settings-forms';
import type { Translate } from './i18n/translate';

/** The return window (cohort maturity) and the targets of the weekly report's strip. */
@Component({
  selector: 'rl-reporting-panel',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="reporting-title" data-testid="reporting">
      <h2 id="reporting-title">{{ 'settings.reporting.title' | transloco }}</h2>
      <p class="definition">{{ 'settings.reporting.definition' | transloco }}</p>
      @if (settings.error()) {
        <div class="state error" role="alert">
          <p>{{ 'settings.reporting.loadFailed' | transloco }}</p>
          <button type="button" (click)="settings.reload()">
            {{ 'settings.common.tryAgain' | transloco }}
          </button>
        </div>
      } @else if (form(); as f) {
        <form (submit)="save($event)" novalidate>
          <div class="fields">
            @for (field of fields; track field.key) {
              <label>
                {{ 'settings.reporting.fields.' + field.key | transloco }}
                <span class="with-unit">
                  <input
                    type="text"
                    inputmode="decimal"
                    [name]="field.key"
                    [value]="f[field.key]"
                    (input)="set(field.key, $any($event.target).value)"
                    [attr.aria-invalid]="errors()[field.path] ? 'true' : null"
                    [attr.data-testid]="'reporting-' + field.key"
                  />
                  <span class="unit">{{
                    field.unit === '%' ? '%' : (field.unit | transloco)
                  }}</span>
                </span>
                <span class="hint">{{ 'settings.reporting.hints.' + field.key | transloco }}</span>
                @if (errors()[field.path]; as message) {
                  <span class="field-error">{{ message }}</span>
                }
              </label>
            }
          </div>
          <div class="actions">
            <button
              type="submit"
              class="primary"
              [disabled]="saving()"
              data-testid="reporting-save"
            >
              {{ (saving() ? 'settings.common.saving' : 'settings.reporting.save') | transloco }}
            </button>
            <rl-form-status [problems]="problems()" [stored]="stored()" [label]="label" />
          </div>
        </form>
      } @else {
        <p class="state" aria-busy="true">{{ 'settings.reporting.loading' | transloco }}</p>
      }
    </section>
  `,
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class ReportingPanelComponent {
  private readonly api = inject(SettingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);
  readonly changed = output<void>();

  protected readonly fields = [
    {
      key: 'returnWindowDays',
      path: 'returnWindowDays',
      unit: 'settings.reporting.days',
    },
    {
      key: 'processingHours',
      path: 'targets.processingHours',
      unit: 'settings.common.hours',
    },
    {
      key: 'satisfaction',
      path: 'targets.satisfaction',
      unit: '%',
    },
    {
      key: 'repeatContact',
      path: 'targets.repeatContact',
      unit: '%',
    },
    {
      key: 'returnShare',
      path: 'targets.returnShare',
      unit: '%',
    },
  ] as const;
  /** A field path in words (`targets.satisfaction` → "Satisfaction"). */
  protected readonly label = (field: string): string => {
    const key = this.fields.find((f) => f.path === field)?.key;
    return key ? this.t(`settings.reporting.fields.${key}`) : field;
  };

  protected readonly settings = this.api.reportingResource();
  protected readonly form = linkedSignal<ReportingForm | null>(() =>
    this.settings.hasValue() ? reportingFormOf(this.settings.value()) : null,
  );
  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected set(key: keyof ReportingForm, value: string): void {
    this.form.update((f) => (f ? { ...f, [key]: value } : f));
    this.stored.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    if (!form) return;
    const errors = reportingErrors(form, this.t);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.saveReporting(reportingBody(form));
      this.settings.set(saved);
      const f = reportingFormOf(saved);
      this.stored.set(
        this.t('settings.reporting.stored', {
          days: f.returnWindowDays,
          hours: f.processingHours,
          satisfaction: f.satisfaction,
          repeat: f.repeatContact,
          returned: f.returnShare,
        }),
      );
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, this.t('settings.reporting.saveFailed')));
    } finally {
      this.saving.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.errors.set(errorsByField(problems));
    this.stored.set(null);
  }
}
