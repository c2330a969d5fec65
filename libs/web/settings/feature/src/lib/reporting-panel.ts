import {
  ChangeDetectionStrategy,
  Component,
  inject,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
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

const LABELS: Record<string, string> = {
  returnWindowDays: 'Return window',
  'targets.processingHours': 'Processing time',
  'targets.satisfaction': 'Satisfaction',
  'targets.repeatContact': 'Repeat contacts',
  'targets.returnShare': 'Goods returned',
};

/** The return window (cohort maturity) and the targets of the weekly report's strip. */
@Component({
  selector: 'rl-reporting-panel',
  imports: [FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="reporting-title" data-testid="reporting">
      <h2 id="reporting-title">Reporting</h2>
      <p class="definition">
        How long after an order week its return rate is final, and the targets the weekly report
        compares each figure with.
      </p>
      @if (settings.error()) {
        <div class="state error" role="alert">
          <p>The reporting settings could not be loaded.</p>
          <button type="button" (click)="settings.reload()">Try again</button>
        </div>
      } @else if (form(); as f) {
        <form (submit)="save($event)" novalidate>
          <div class="fields">
            @for (field of fields; track field.key) {
              <label>
                {{ field.label }}
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
                  <span class="unit">{{ field.unit }}</span>
                </span>
                <span class="hint">{{ field.hint }}</span>
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
              {{ saving() ? 'Saving…' : 'Save reporting' }}
            </button>
            <rl-form-status [problems]="problems()" [stored]="stored()" [label]="label" />
          </div>
        </form>
      } @else {
        <p class="state" aria-busy="true">Loading the reporting settings…</p>
      }
    </section>
  `,
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class ReportingPanelComponent {
  private readonly api = inject(SettingsApi);
  readonly changed = output<void>();

  protected readonly fields = [
    {
      key: 'returnWindowDays',
      path: 'returnWindowDays',
      label: 'Return window',
      unit: 'days',
      hint: 'after the order week; 1–365',
    },
    {
      key: 'processingHours',
      path: 'targets.processingHours',
      label: 'Processing time',
      unit: 'h',
      hint: 'median, at most',
    },
    {
      key: 'satisfaction',
      path: 'targets.satisfaction',
      label: 'Satisfaction',
      unit: '%',
      hint: 'satisfied answers, at least',
    },
    {
      key: 'repeatContact',
      path: 'targets.repeatContact',
      label: 'Repeat contacts',
      unit: '%',
      hint: 'of claims, at most',
    },
    {
      key: 'returnShare',
      path: 'targets.returnShare',
      label: 'Goods returned',
      unit: '%',
      hint: 'of units sold, at most',
    },
  ] as const;
  protected readonly label = (field: string) => LABELS[field] ?? field;

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
    const errors = reportingErrors(form);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.saveReporting(reportingBody(form));
      this.settings.set(saved);
      const f = reportingFormOf(saved);
      this.stored.set(
        `return window ${f.returnWindowDays} days · processing ≤ ${f.processingHours} h · satisfaction ≥ ${f.satisfaction} % · repeat contacts ≤ ${f.repeatContact} % · goods returned ≤ ${f.returnShare} %`,
      );
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, 'The reporting settings could not be saved. Try again.'));
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
