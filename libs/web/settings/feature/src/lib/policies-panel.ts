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
  CLAIM_TYPES,
  CLOCK_LABELS,
  errorsByField,
  hasErrors,
  METRIC_LABELS,
  newPolicy,
  policiesBody,
  policyErrors,
  policyFormOf,
  RESOLUTIONS,
  SLA_CLOCKS,
  SLA_METRICS,
  toggled,
  words,
  type FieldErrors,
  type PolicyForm,
} from './settings-forms';

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  targetHours: 'target',
  atRiskHours: 'at risk',
  claimTypes: 'claim types',
  resolutions: 'resolutions',
  metric: 'measures',
  clock: 'clock',
};

/** The SLA policies: what each measures, its target, its clock and the claims it covers. */
@Component({
  selector: 'rl-policies-panel',
  imports: [FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policies-panel.html',
  styleUrls: ['./settings.scss', './settings-forms.scss'],
})
export class PoliciesPanelComponent {
  private readonly api = inject(SettingsApi);
  readonly changed = output<void>();

  protected readonly metrics = SLA_METRICS;
  protected readonly clocks = SLA_CLOCKS;
  protected readonly claimTypes = CLAIM_TYPES;
  protected readonly resolutionCodes = RESOLUTIONS;
  protected readonly metricLabels = METRIC_LABELS;
  protected readonly clockLabels = CLOCK_LABELS;
  protected readonly words = words;

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
    return `Policy “${name}”${key ? ` ${FIELD_WORDS[key] ?? key}` : ''}`;
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
    const errors = policyErrors(form);
    this.show(Object.entries(errors).map(([field, message]) => ({ field, message })));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const saved = await this.api.savePolicies(policiesBody(form));
      this.policies.set(saved);
      this.stored.set(
        saved
          .map((p) => `${p.name} ≤ ${p.targetHours} h (${CLOCK_LABELS[p.clock].toLowerCase()})`)
          .join(' · '),
      );
      this.changed.emit();
    } catch (error) {
      this.show(problemsOf(error, 'The SLA policies could not be saved. Try again.'));
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
