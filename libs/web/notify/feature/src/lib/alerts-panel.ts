import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  ALERT_METRIC_LABELS,
  type AlertMetric,
  type AlertRule,
  type NotifyChannel,
  type SlaPolicy,
} from '@returnlens/shared/contracts';
import type { FieldProblem } from '@returnlens/web/shared/data-access';
import { FilterChipsComponent, FiltersEditorComponent } from './filters-editor';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  ALERT_KIND_LABELS,
  alertBody,
  alertErrors,
  alertMetricsFor,
  CHANNEL_LABELS,
  errorAt,
  errorsByField,
  hasErrors,
  kindsFor,
  METRIC_UNIT,
  newAlert,
  notifyProblems,
  problemsOfErrors,
  ruleSentence,
  STATUS_LABELS,
  UNIT_WORDS,
  when,
  type AlertForm,
  type FieldErrors,
  type FilterValues,
} from './notify-forms';
import { NotifyApi } from './notify.api';
import { NotifyStore } from './notify.store';
import { WebhookSecretComponent } from './webhook-secret';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  metric: 'Figure',
  kind: 'When',
  operator: 'Below or above',
  value: 'Threshold',
  policyId: 'SLA policy',
  filters: 'Filters',
  channel: 'Channel',
  target: 'Address',
  quietHours: 'Quiet period',
};

/**
 * "Alerts": rules on a dashboard figure (a threshold, a significant change, a supplier beyond
 * its control limit), each sent once per period, with a quiet period; and the recent alerts.
 */
@Component({
  selector: 'rl-alerts-panel',
  imports: [
    FiltersEditorComponent,
    FilterChipsComponent,
    FormStatusComponent,
    WebhookSecretComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alerts-panel.html',
  styleUrls: ['./notify.scss', './notify-chips.scss', './notify-cards.scss', './notify-form.scss'],
})
export class AlertsPanelComponent {
  private readonly api = inject(NotifyApi);
  protected readonly store = inject(NotifyStore);

  protected readonly metricLabels = ALERT_METRIC_LABELS;
  protected readonly kindLabels = ALERT_KIND_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly unitWords = UNIT_WORDS;
  protected readonly metricUnit = METRIC_UNIT;
  protected readonly when = when;
  protected readonly ruleSentence = ruleSentence;
  protected readonly kindsFor = kindsFor;
  protected readonly label = (field: string): string =>
    field === 'target' && this.form().channel === 'webhook'
      ? 'URL'
      : (FIELD_LABELS[field] ?? field.replace(/^filters\./, 'Filter '));

  protected readonly rules = this.api.alertsResource(() => this.store.showAll());
  protected readonly events = this.api.eventsResource(20, () => this.store.showAll());

  /** The figures this user's role reads. */
  protected readonly metrics = computed(() =>
    alertMetricsFor(this.store.user()?.permissions ?? []),
  );
  private readonly policies = httpResource<SlaPolicy[]>(() =>
    this.store.can('sla') || this.store.can('settings') ? '/api/settings/sla-policies' : undefined,
  );
  protected readonly policyOptions = computed(() =>
    this.policies.hasValue() ? (this.policies.value() ?? []) : [],
  );
  private readonly policyNames = computed(
    () => new Map(this.policyOptions().map((p) => [p.id, p.name])),
  );

  protected readonly form = signal<AlertForm>(newAlert([]));
  protected readonly errors = signal<FieldErrors>({});
  protected readonly problems = signal<FieldProblem[]>([]);
  protected readonly stored = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly secret = signal<{ target: string; secret: string } | null>(null);

  protected readonly confirming = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

  protected readonly errorAt = (field: string) => errorAt(this.errors(), field);

  constructor() {
    effect(() => {
      const metrics = this.metrics();
      const email = this.store.user()?.email ?? null;
      untracked(() =>
        this.form.update((f) =>
          metrics.includes(f.metric) && f.target
            ? f
            : { ...newAlert(metrics, email), name: f.name },
        ),
      );
    });
    // The first SLA policy is preselected for an SLA alert.
    effect(() => {
      const first = this.policyOptions()[0]?.id ?? null;
      untracked(() =>
        this.form.update((f) =>
          f.policyId === null && first !== null ? { ...f, policyId: first } : f,
        ),
      );
    });
  }

  protected policyName(id: number | undefined): string | null {
    return id === undefined ? null : (this.policyNames().get(id) ?? `policy ${id}`);
  }

  protected edit(change: Partial<AlertForm>): void {
    this.form.update((f) => ({ ...f, ...change }));
    this.stored.set(null);
  }

  protected setMetric(metric: AlertMetric): void {
    const f = this.form();
    const kinds = kindsFor(metric);
    this.edit({
      metric,
      kind: kinds.includes(f.kind) ? f.kind : 'threshold',
      operator: metric === 'sla_attainment' ? '<' : f.operator,
      value: '',
    });
  }

  protected setChannel(channel: NotifyChannel): void {
    this.edit({ channel, target: channel === 'email' ? (this.store.user()?.email ?? '') : '' });
  }

  protected setFilters(filters: FilterValues): void {
    this.edit({ filters });
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    const errors = alertErrors(form, this.metrics());
    this.show(problemsOfErrors(errors));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const created = await this.api.createAlert(alertBody(form));
      this.rules.reload();
      this.stored.set(`Created: “${created.name}” — ${ruleSentence(created)}.`);
      this.secret.set(
        created.channel === 'webhook' && created.secret
          ? { target: created.target, secret: created.secret }
          : null,
      );
      this.form.set(newAlert(this.metrics(), this.store.user()?.email ?? null));
    } catch (error) {
      this.show(notifyProblems(error, 'The alert could not be created. Try again.'));
    } finally {
      this.saving.set(false);
    }
  }

  protected async togglePause(rule: AlertRule): Promise<void> {
    this.busyId.set(rule.id);
    this.rowError.set(null);
    try {
      await this.api.updateAlert(rule.id, { paused: !rule.paused });
      this.rules.reload();
    } catch (error) {
      this.rowError.set({
        id: rule.id,
        message: notifyProblems(
          error,
          rule.paused ? 'Could not resume it.' : 'Could not pause it.',
        )[0].message,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  protected async remove(rule: AlertRule): Promise<void> {
    this.busyId.set(rule.id);
    this.rowError.set(null);
    try {
      await this.api.deleteAlert(rule.id);
      this.confirming.set(null);
      this.rules.reload();
      this.events.reload();
    } catch (error) {
      this.rowError.set({
        id: rule.id,
        message: notifyProblems(error, 'Could not delete it.')[0].message,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.errors.set(errorsByField(problems));
    this.stored.set(null);
  }
}
