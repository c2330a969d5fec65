import {
  ChangeDetectionStrategy,
  Component,
  inject,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DomainLabels,
  SettingsApi,
  problemsOf,
  type FieldProblem,
} from '@returnlens/web/shared/data-access';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  CLAIM_TYPES,
  errorsByField,
  hasErrors,
  newPolicy,
  policiesBody,
  policyErrors,
  policyFormOf,
  RESOLUTIONS,
  SLA_CLOCKS,
  SLA_METRICS,
  toggled,
  type FieldErrors,
  type PolicyForm,
} from './settings-forms';
import type { Translate } from './i18n/translate';

const FIELD_WORDS = [
  'name',
  'targetHours',
  'atRiskHours',
  'claimTypes',
  'resolutions',
  'metric',
  'clock',
];

/** The SLA policies: what each measures, its target, its clock and the claims it covers. */
@Component({
  selector: 'rl-policies-panel',
  imports: [TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policies-panel.html',
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class PoliciesPanelComponent {
  private readonly api = inject(SettingsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);
  /** Claim types in the interface language (the product's vocabulary). */
  protected readonly domain = inject(DomainLabels);
  readonly changed = output<void>();

  protected readonly metrics = SLA_METRICS;
  protected readonly clocks = SLA_CLOCKS;
  protected readonly claimTypes = CLAIM_TYPES;
  protected readonly resolutionCodes = RESOLUTIONS;

  protected readonly policies = this.api.policiesResource();
  protected readonly form = linkedSignal<PolicyForm[] | null>(() =>
    this.policies.hasValue() ? this.policies.value().map(policyFormOf) : null,
  );
  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);

  /** `2.targetHours` → "Policy “Refund” target". */
  protected readonly label = (field: string): string => {
    const [index, key] = field.split('.');
    const policy = this.form()?.[Number(index)];
    if (!policy) return field;
    const name = policy.name.trim() || `${Number(index) + 1}`;
    if (!key) return this.t('settings.policies.fieldLabel', { name });
    const words = FIELD_WORDS.includes(key) ? this.t(`settings.policies.fields.${key}`) : key;
    return this.t('settings.policies.fieldLabelOf', { name, field: words });
  };

  private edit(index: number, change: Partial<PolicyForm>): void {
    this.form.update(
      (list) => list?.map((p, i) => (i === index ? { ...p, ...change } : p)) ?? list,
    );
    this.stored.set(null);
  }

  protected set(index: number, key: 'name' | 'targetHours' | 'atRiskHours', value: string): void {
    this.edit(index, { [key]: value });
  }

  protected setMetric(index: number, value: string): void {
    this.edit(index, { metric: value as PolicyForm['metric'] });
  }

  protected setClock(index: number, value: string): void {
    this.edit(index, { clock: value as PolicyForm['clock'] });
  }

  protected setType(index: number, policy: PolicyForm, type: string, on: boolean): void {
    this.edit(index, { claimTypes: toggled(CLAIM_TYPES, policy.claimTypes, type, on) });
  }

  protected setAnyResolution(index: number, any: boolean): void {
    this.edit(index, { resolutions: any ? null : [...RESOLUTIONS] });
  }

  protected setResolution(index: number, policy: PolicyForm, code: string, on: boolean): void {
    this.edit(index, { resolutions: toggled(RESOLUTIONS, policy.resolutions ?? [], code, on) });
  }

  protected add(): void {
    this.form.update((list) => (list ? [...list, newPolicy()] : list));
    this.stored.set(null);
  }

  protected remove(index: number): void {
    this.form.update((list) => list?.filter((_, i) => i !== index) ?? list);
    this.stored.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    if (!form) return;
    const errors = policyErrors(form, this.t);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.savePolicies(policiesBody(form));
      this.policies.set(saved);
      this.stored.set(
        saved
          .map((p) =>
            this.t('settings.policies.stored', {
              name: p.name,
              hours: p.targetHours,
              clock: this.t(`settings.policies.clocks.${p.clock}`).toLocaleLowerCase(),
            }),
          )
          .join(' · '),
      );
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, this.t('settings.policies.saveFailed')));
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
