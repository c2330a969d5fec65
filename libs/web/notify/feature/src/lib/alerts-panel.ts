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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  type AlertMetric,
  type AlertRule,
  type FilterKey,
  type NotifyChannel,
  type SlaPolicy,
} from '@returnlens/shared/contracts';
import type { FieldProblem } from '@returnlens/web/shared/data-access';
import { FilterChipsComponent, FiltersEditorComponent } from './filters-editor';
import { FormStatusComponent } from '@returnlens/web/shared/ui';
import {
  alertBody,
  alertErrors,
  alertMetricsFor,
  errorAt,
  errorsByField,
  hasErrors,
  kindsFor,
  METRIC_UNIT,
  newAlert,
  notifyProblems,
  problemsOfErrors,
  ruleSentence,
  when,
  type AlertForm,
  type FieldErrors,
  type FilterValues,
} from './notify-forms';
import type { Translate } from './i18n/translate';
import { NotifyApi } from './notify.api';
import { NotifyStore } from './notify.store';
import { WebhookSecretComponent } from './webhook-secret';

/** The fields the form names in words (`subscriptions.fields.<field>`). */
const FIELDS = [
  'name',
  'metric',
  'kind',
  'operator',
  'value',
  'policyId',
  'filters',
  'channel',
  'target',
  'quietHours',
];

/**
 * "Alerts": rules on a dashboard figure (a threshold, a significant change, a supplier beyond
 * its control limit), each sent once per period, with a quiet period; and the recent alerts.
 */
@Component({
  selector: 'rl-alerts-panel',
  imports: [
    TranslocoPipe,
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
  private readonly transloco = inject(TranslocoService);
  private readonly t: Translate = (key, params) => this.transloco.translate(key, params);

  protected readonly metricUnit = METRIC_UNIT;
  protected readonly kindsFor = kindsFor;
  /** A date and time in the interface language. */
  protected readonly when = (iso: string | null | undefined): string =>
    when(iso, '—', this.transloco.getActiveLang());
  protected readonly ruleSentence = (rule: AlertRule): string => ruleSentence(rule, this.t);
  protected readonly label = (field: string): string => {
    if (field === 'target' && this.form().channel === 'webhook')
      return this.t('subscriptions.fields.url');
    if (FIELDS.includes(field)) return this.t(`subscriptions.fields.${field}`);
    const filter = /^filters\.(.+)$/.exec(field)?.[1];
    return filter
      ? this.t('subscriptions.fields.filter', {
          name: this.store.filterName(filter as FilterKey, filter),
        })
      : field;
  };

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

  /** A name kept in its own direction inside a sentence (Unicode first-strong isolate). */
  protected isolate(text: string): string {
    return `\u2068${text}\u2069`;
  }

  protected policyName(id: number | undefined): string | null {
    return id === undefined
      ? null
      : (this.policyNames().get(id) ?? this.t('subscriptions.alerts.policyNumber', { id }));
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
    const errors = alertErrors(form, this.metrics(), this.t);
    this.show(problemsOfErrors(errors));
    if (hasErrors(errors)) return;
    this.saving.set(true);
    try {
      const created = await this.api.createAlert(alertBody(form));
      this.rules.reload();
      this.stored.set(
        this.t('subscriptions.alerts.created', {
          name: created.name,
          rule: ruleSentence(created, this.t),
        }),
      );
      this.secret.set(
        created.channel === 'webhook' && created.secret
          ? { target: created.target, secret: created.secret }
          : null,
      );
      this.form.set(newAlert(this.metrics(), this.store.user()?.email ?? null));
    } catch (error) {
      this.show(notifyProblems(error, this.t('subscriptions.alerts.createFailed')));
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
          this.t(
            rule.paused
              ? 'subscriptions.common.couldNotResume'
              : 'subscriptions.common.couldNotPause',
          ),
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
        message: notifyProblems(error, this.t('subscriptions.common.couldNotDelete'))[0].message,
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
