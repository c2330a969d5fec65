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
  DomainLabels,
  DrilldownStore,
  loadState,
  providePageMessages,
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
  formatShare,
  injectChartText,
  SLA_ATTAINMENT_GOAL,
  ThemeStore,
  type AttainmentRow,
} from '@returnlens/web/shared/ui-charts';
import { PanelComponent } from '@returnlens/web/shared/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { SLA_MESSAGES } from './i18n/en';
import { pageTranslate } from '@returnlens/web/shared/data-access';

/**
 * The service manager's question: are we answering and refunding on time, and where do we
 * breach? Attainment per policy, durations per week, splits, and the open claims to act on.
 */
@Component({
  selector: 'rl-sla-page',
  imports: [ChartComponent, PanelComponent, RouterLink, TranslocoPipe],
  providers: [providePageMessages('sla', SLA_MESSAGES)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sla-page.html',
  styleUrl: './sla-page.scss',
})
export class SlaPage {
  private readonly theme = inject(ThemeStore);
  private readonly words = inject(DomainLabels);
  private readonly filters = inject(FilterStore);
  private readonly drill = inject(DrilldownStore);
  /** The page's messages in TypeScript (inside computed(): follows the language). */
  private readonly t = pageTranslate('sla', SLA_MESSAGES);
  /** The shared charts' own texts (series, axes, tooltips) in the interface language. */
  private readonly c = injectChartText();

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
    return /\d/.test(p.name) ? p.name : `${p.name} ≤ ${formatTarget(p.targetHours, this.c)}`;
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
          title: this.t(w.immature ? 'attainment.cellImmature' : 'attainment.cell', {
            week: data.period.weeks[i].week,
            met: formatCount(w.met),
            breached: formatCount(w.breached),
            pending: formatCount(w.pending),
          }),
        })),
      })),
    };
  });
  protected readonly attainmentOption = computed(() =>
    buildAttainmentOption(this.policyRows(), this.theme.tokens(), undefined, this.c),
  );
  /** The finding: does every policy meet the goal, and which is lowest. */
  protected readonly attainmentTitle = computed(() => {
    const decided = this.policyRows().filter((p) => p.attainment !== null);
    if (!decided.length) return this.t('attainment.noneDecided');
    const worst = [...decided].sort((a, b) => (a.attainment ?? 1) - (b.attainment ?? 1))[0];
    const params = {
      goal: this.goal,
      label: worst.label,
      share: formatShare(worst.attainment ?? 0),
    };
    if ((worst.attainment ?? 1) >= SLA_ATTAINMENT_GOAL) return this.t('attainment.allMeet', params);
    const below = decided.filter((p) => (p.attainment ?? 1) < SLA_ATTAINMENT_GOAL).length;
    return below > 1
      ? this.t('attainment.belowMany', { ...params, below })
      : this.t('attainment.belowOne', params);
  });
  protected readonly attainmentSubtitle = computed(() =>
    this.t(
      this.activeClock() === 'business'
        ? 'attainment.subtitleBusiness'
        : 'attainment.subtitleCalendar',
      { goal: this.goal },
    ),
  );
  protected readonly attainmentLabel = computed(() =>
    this.t('attainment.chart', {
      rows: this.policyRows()
        .map((r) =>
          this.t('attainment.row', {
            label: r.label,
            share: formatShareOrDash(r.attainment),
            met: r.met,
            breached: r.breached,
          }),
        )
        .join('; '),
    }),
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
      const name = this.t(`metric.${metric}`);
      return {
        metric,
        title:
          this.t('duration.title', { metric: name, median: formatDuration(last) }) +
          (p90.length ? this.t('duration.p90', { p90: formatDuration(p90[p90.length - 1]) }) : '') +
          (lastOpen ? this.t('duration.stillOpen', { count: formatCount(lastOpen) }) : ''),
        option: buildDurationOption(
          data.period.weeks,
          duration,
          this.theme.tokens(),
          policy?.targetHours ?? null,
          this.c,
        ),
        label: this.t('duration.chart', {
          metric: name,
          values: duration.median.map((v) => formatDuration(v)).join(', '),
        }),
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
      (r) => this.words.label('channel', r.channel, humanize(r.channel)),
    ),
  );
  protected readonly assigneeRows = computed(() =>
    this.splitRows(
      (this.data()?.byAssignee ?? []).filter((r) => r.policyId === this.splitPolicy()?.id),
      (r) => r.assignee || this.t('assignee.unassigned'),
    ),
  );
  protected readonly channelOption = computed(() =>
    buildAttainmentOption(this.channelRows(), this.theme.tokens(), undefined, this.c),
  );
  protected readonly assigneeOption = computed(() =>
    buildAttainmentOption(this.assigneeRows(), this.theme.tokens(), undefined, this.c),
  );
  protected readonly channelTitle = computed(() => {
    const worst = this.channelRows()[0];
    return worst
      ? this.t('channel.worst', { label: worst.label, share: formatShareOrDash(worst.attainment) })
      : this.t('channel.title');
  });
  protected readonly assigneeTitle = computed(() => {
    const worst = this.assigneeRows()[0];
    return worst
      ? this.t('assignee.worst', { label: worst.label, share: formatShareOrDash(worst.attainment) })
      : this.t('assignee.title');
  });
  protected readonly channelLabel = computed(() =>
    this.t('channel.chart', { rows: this.splitLabel(this.channelRows()) }),
  );
  protected readonly assigneeLabel = computed(() =>
    this.t('assignee.chart', { rows: this.splitLabel(this.assigneeRows()) }),
  );
  private splitLabel(rows: readonly AttainmentRow[]): string {
    return rows.map((r) => `${r.label}: ${formatShareOrDash(r.attainment)}`).join('; ');
  }

  protected readonly backlogOption = computed(() =>
    buildBacklogOption(this.data()?.backlogAging ?? [], this.theme.tokens(), this.c),
  );
  protected readonly backlogTotal = computed(() =>
    (this.data()?.backlogAging ?? []).reduce((s, b) => s + b.claims, 0),
  );
  protected readonly backlogTitle = computed(() => {
    const buckets = this.data()?.backlogAging ?? [];
    const old = buckets.filter((b) => b.bucket === '≥ 14 d').reduce((s, b) => s + b.claims, 0);
    const total = this.backlogTotal();
    return total
      ? this.t('backlog.title', { total, old: formatCount(old) })
      : this.t('backlog.none');
  });

  protected readonly atRiskHeading = computed(() =>
    this.atRisk().length
      ? this.t('atRisk.heading', { count: this.data()?.atRiskClaims ?? 0 })
      : this.t('atRisk.none'),
  );
  protected readonly breachesHeading = computed(() =>
    this.breaches().length
      ? this.t('breaches.heading', { count: this.data()?.breachedOpenClaims ?? 0 })
      : this.t('breaches.none'),
  );
  protected readonly atRisk = computed(() => this.openRows(this.data()?.atRisk ?? []));
  protected readonly breaches = computed(() => this.openRows(this.data()?.breachesOpen ?? []));
  private openRows(rows: readonly SlaOpenClaim[]) {
    return rows.slice(0, 25).map((r) => ({
      ...r,
      typeText: this.words.label('type', r.type, humanize(r.type)),
      channelText: this.words.label('channel', r.channel, humanize(r.channel)),
      opened: r.openedAt.slice(0, 16).replace('T', ' '),
      deadlineText: r.deadline
        ? r.deadline.slice(0, 16).replace('T', ' ')
        : this.t('table.businessHours'),
      left:
        r.hoursLeft < 0
          ? this.t('table.overdue', { time: formatDuration(-r.hoursLeft) })
          : this.t('table.left', { time: formatDuration(r.hoursLeft) }),
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
  /** A message of the page, for titles handed to the drawers on a click. */
  protected text(key: string, params?: Record<string, unknown>): string {
    return this.t(key, params);
  }

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
    if (p)
      this.openSla(`${this.policyLabel(p)}: ${this.t(`outcome.${outcome}`)}`, outcome, {
        policy: String(p.id),
      });
  }
  protected onAssigneeClick(event: ECElementEvent): void {
    const row = this.assigneeRows()[event.dataIndex];
    const policy = this.splitPolicy();
    if (!row || !policy) return;
    const title = this.t('assignee.records', {
      policy: this.policyLabel(policy),
      assignee: row.label,
    });
    this.openSla(title, 'breached', {
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
