import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  SLA_METRICS,
  type SlaClock,
  type SlaMetric,
  type SlaOpenClaim,
} from '@returnlens/shared/contracts';
import {
  csvUrl,
  describeHttpError,
  DrilldownStore,
  loadState,
  slaResource,
  type QueryParams,
} from '@returnlens/web/shared/data-access';
import { FilterStore, humanize } from '@returnlens/web/shared/filters';
import {
  buildAttainmentOption,
  buildBacklogOption,
  buildDurationOption,
  ChartComponent,
  formatCount,
  formatDuration,
  formatShareOrDash,
  formatTarget,
  SLA_ATTAINMENT_GOAL,
  SLA_METRIC_LABELS,
  slaHeadline,
  ThemeStore,
  type AttainmentRow,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import type { ECElementEvent } from 'echarts/core';

/**
 * The service manager's question: are we answering and refunding on time, and where do we
 * breach? Attainment per policy, durations per week, splits, and the open claims to act on.
 */
@Component({
  selector: 'rl-sla-page',
  imports: [ChartComponent, PanelComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sla-page.html',
  styleUrl: './sla-page.scss',
})
export class SlaPage {
  private readonly theme = inject(ThemeStore);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);

  /** `?clock=business` in the URL; calendar hours by default. */
  readonly clock = input<string>();
  protected readonly activeClock = computed<SlaClock>(() =>
    this.clock() === 'business' ? 'business' : 'calendar',
  );

  protected readonly sla = slaResource(this.filters.params, this.activeClock);
  protected readonly data = computed(() => (this.sla.hasValue() ? this.sla.value() : undefined));
  protected readonly state = computed(() =>
    loadState(this.sla, () => !this.data()?.policies.length),
  );
  protected readonly error = computed(() => {
    const error = this.sla.error();
    return error ? describeHttpError(error) : null;
  });
  protected readonly goal = `${Math.round(SLA_ATTAINMENT_GOAL * 100)} %`;

  private policyLabel(p: { name: string; targetHours: number }): string {
    return /\d/.test(p.name) ? p.name : `${p.name} ≤ ${formatTarget(p.targetHours)}`;
  }
  protected readonly policyRows = computed<AttainmentRow[]>(() =>
    (this.data()?.policies ?? []).map((p) => ({
      label: this.policyLabel(p),
      met: p.met,
      breached: p.breached,
      attainment: p.attainment,
    })),
  );
  /** Each policy's weeks: attainment of the claims already due; immature weeks say so. */
  protected readonly weeklyTable = computed(() => {
    const data = this.data();
    if (!data) return null;
    return {
      weeks: data.period.weeks.map((w) => w.week.slice(5)),
      rows: data.policies.map((p) => ({
        id: p.id,
        label: this.policyLabel(p),
        pending: p.pending,
        met: p.met,
        breached: p.breached,
        share: formatShareOrDash(p.attainment),
        cells: p.weekly.map((w, i) => ({
          week: data.period.weeks[i].week,
          text: w.met + w.breached ? formatShareOrDash(w.attainment) : '–',
          immature: w.immature,
          title: `${data.period.weeks[i].week}: ${formatCount(w.met)} met, ${formatCount(w.breached)} breached${w.immature ? `; immature — ${formatCount(w.pending)} not yet due` : ''}`,
        })),
      })),
    };
  });
  protected readonly attainmentOption = computed(() =>
    buildAttainmentOption(this.policyRows(), this.theme.tokens()),
  );
  protected readonly attainmentTitle = computed(() => slaHeadline(this.policyRows()));
  protected readonly attainmentLabel = computed(() =>
    this.policyRows()
      .map(
        (r) =>
          `${r.label}: ${formatShareOrDash(r.attainment)} (${r.met} met, ${r.breached} breached)`,
      )
      .join('; '),
  );
  protected readonly attainmentHeight = computed(() => 40 + this.policyRows().length * 44);

  protected readonly durations = computed(() => {
    const data = this.data();
    if (!data) return [];
    return SLA_METRICS.map((metric: SlaMetric) => {
      const duration = data.durations.find((d) => d.metric === metric);
      const policy = data.policies.find((p) => p.metric === metric);
      if (!duration) return null;
      const known = duration.median.filter((v): v is number => v !== null);
      const last = known[known.length - 1] ?? null;
      const p90 = duration.p90.filter((v): v is number => v !== null);
      const lastOpen = duration.open[duration.open.length - 1] ?? 0;
      return {
        metric,
        title: `${SLA_METRIC_LABELS[metric]}: median ${formatDuration(last)} in the last week${p90.length ? `, p90 ${formatDuration(p90[p90.length - 1])}` : ''}${lastOpen ? ` (${formatCount(lastOpen)} still open)` : ''}`,
        option: buildDurationOption(
          data.period.weeks,
          duration,
          this.theme.tokens(),
          policy?.targetHours ?? null,
        ),
        label: `${SLA_METRIC_LABELS[metric]} median per week: ${duration.median.map((v) => formatDuration(v)).join(', ')}`,
      };
    }).filter((d) => d !== null);
  });

  private splitRows<T extends { met: number; breached: number; attainment: number | null }>(
    rows: readonly T[],
    label: (row: T) => string,
  ): (AttainmentRow & { row: T })[] {
    return [...rows]
      .filter((r) => r.met + r.breached > 0)
      .sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1))
      .slice(0, 12)
      .map((r) => ({
        label: label(r),
        met: r.met,
        breached: r.breached,
        attainment: r.attainment,
        row: r,
      }));
  }
  /** The policy the channel and assignee splits show (each claim once per policy). */
  private readonly chosenPolicy = signal<number | null>(null);
  protected readonly splitPolicy = computed(() => {
    const policies = this.data()?.policies ?? [];
    return policies.find((p) => p.id === this.chosenPolicy()) ?? policies[0] ?? null;
  });
  protected readonly policyOptions = computed(() =>
    (this.data()?.policies ?? []).map((p) => ({ id: p.id, label: this.policyLabel(p) })),
  );
  protected choosePolicy(id: string): void {
    this.chosenPolicy.set(Number(id));
  }
  protected readonly channelRows = computed(() =>
    this.splitRows(
      (this.data()?.byChannel ?? []).filter((r) => r.policyId === this.splitPolicy()?.id),
      (r) => humanize(r.channel),
    ),
  );
  protected readonly assigneeRows = computed(() =>
    this.splitRows(
      (this.data()?.byAssignee ?? []).filter((r) => r.policyId === this.splitPolicy()?.id),
      (r) => r.assignee || 'Unassigned',
    ),
  );
  protected readonly channelOption = computed(() =>
    buildAttainmentOption(this.channelRows(), this.theme.tokens()),
  );
  protected readonly assigneeOption = computed(() =>
    buildAttainmentOption(this.assigneeRows(), this.theme.tokens()),
  );
  protected readonly channelTitle = computed(() => {
    const worst = this.channelRows()[0];
    return worst
      ? `${worst.label} has the lowest attainment: ${formatShareOrDash(worst.attainment)}`
      : 'Attainment by channel';
  });
  protected readonly assigneeTitle = computed(() => {
    const worst = this.assigneeRows()[0];
    return worst
      ? `Lowest attainment: ${worst.label} at ${formatShareOrDash(worst.attainment)}`
      : 'Attainment by assignee';
  });
  protected splitLabel(rows: readonly AttainmentRow[]): string {
    return rows.map((r) => `${r.label}: ${formatShareOrDash(r.attainment)}`).join('; ');
  }

  protected readonly backlogOption = computed(() =>
    buildBacklogOption(this.data()?.backlogAging ?? [], this.theme.tokens()),
  );
  protected readonly backlogTotal = computed(() =>
    (this.data()?.backlogAging ?? []).reduce((s, b) => s + b.claims, 0),
  );
  protected readonly backlogTitle = computed(() => {
    const buckets = this.data()?.backlogAging ?? [];
    const old = buckets.filter((b) => b.bucket === '≥ 14 d').reduce((s, b) => s + b.claims, 0);
    const total = this.backlogTotal();
    return total
      ? `${formatCount(total)} claims are open; ${formatCount(old)} of them for 14 days or more`
      : 'No open claims';
  });

  protected readonly atRisk = computed(() => this.openRows(this.data()?.atRisk ?? []));
  protected readonly breaches = computed(() => this.openRows(this.data()?.breachesOpen ?? []));
  private openRows(rows: readonly SlaOpenClaim[]) {
    return rows.slice(0, 25).map((r) => ({
      ...r,
      typeText: humanize(r.type),
      channelText: humanize(r.channel),
      opened: r.openedAt.slice(0, 16).replace('T', ' '),
      deadlineText: r.deadline ? r.deadline.slice(0, 16).replace('T', ' ') : 'business hours',
      left:
        r.hoursLeft < 0
          ? `${formatDuration(-r.hoursLeft)} overdue`
          : `${formatDuration(r.hoursLeft)} left`,
    }));
  }

  protected readonly repeatRate = computed(() =>
    formatShareOrDash(this.data()?.repeatContactRate ?? null),
  );
  protected readonly csv = computed(() => {
    const p: QueryParams = { ...(this.filters.params() ?? {}), clock: this.activeClock() };
    return {
      policies: csvUrl('sla', p, 'policies'),
      durations: csvUrl('sla', p, 'durations'),
      byChannel: csvUrl('sla', p, 'byChannel'),
      byAssignee: csvUrl('sla', p, 'byAssignee'),
      // Every open claim of the lists, not only the first 100 the page reads.
      atRisk: csvUrl('sla', { ...p, lists: 'all' }, 'atRisk'),
      breaches: csvUrl('sla', { ...p, lists: 'all' }, 'breachesOpen'),
      backlog: csvUrl('sla', p, 'backlogAging'),
    };
  });
  protected readonly formatCount = formatCount;

  protected onChannelClick(event: ECElementEvent): void {
    const row = this.channelRows()[event.dataIndex];
    if (row) this.filters.only('channel', [row.row.channel]);
  }

  /**
   * The claims behind an SLA figure: a policy's (or any policy's) met, breached or pending
   * claims, or an open list, judged at the same instant as the figure.
   */
  protected openSla(
    title: string,
    outcome: 'met' | 'breached' | 'pending' | 'at_risk' | 'open_breach',
    extra: QueryParams = {},
  ): void {
    const now = this.data()?.now;
    this.openRecords(title, { outcome, ...(now ? { asOf: now } : {}), ...extra });
  }
  protected openPolicy(policyId: number, outcome: 'met' | 'breached' | 'pending'): void {
    const p = this.data()?.policies.find((x) => x.id === policyId);
    if (p) this.openSla(`${this.policyLabel(p)}: ${outcome}`, outcome, { policy: String(p.id) });
  }
  protected onAssigneeClick(event: ECElementEvent): void {
    const row = this.assigneeRows()[event.dataIndex];
    const policy = this.splitPolicy();
    if (!row || !policy) return;
    this.openSla(`${this.policyLabel(policy)} breached: ${row.label}`, 'breached', {
      policy: String(policy.id),
      assignee: row.row.assignee,
    });
  }

  protected openRecords(title: string, extra: QueryParams = {}): void {
    this.drill.openRecords({
      kind: 'claims',
      title,
      params: { ...(this.filters.params() ?? {}), ...extra },
    });
  }

  protected explain(title: string, metrics: string[]): void {
    this.drill.openExplain({ title, metrics });
  }
}
