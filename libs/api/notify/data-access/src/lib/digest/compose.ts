import {
  type AnalyticsFilters,
  type Mover,
  type SlaOpenClaim,
  type SlaReport,
  type SupplierScorecard,
  type SupplierScore,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import { formatCount, formatDateRange, formatInstant, formatShare } from './format';
import {
  atRiskSentence,
  breachedAt,
  breachSentence,
  kpiSentence,
  kpiSignificant,
  moverSentence,
  moversTestSentence,
  quietLine,
  slaPolicyFell,
  slaPolicySentence,
  supplierLimitSentence,
  supplierRiseSentence,
  type KpiLine,
} from './sentences';
import {
  dashboardUrl,
  describeFilters,
  ROLE_TITLES,
  shopName,
  type DigestContent,
  type DigestLine,
  type DigestSection,
  type DigestTable,
} from './render';

/** What every digest needs besides its figures. */
export interface DigestBase {
  /** The dashboard's public address, no trailing slash. */
  readonly publicUrl: string;
  readonly filters: AnalyticsFilters;
  readonly unsubscribeUrl: string | null;
}

/** At most this many open claims are written out per list; the CSV has every one. */
export const LISTED_CLAIMS = 15;
/** At most this many suppliers get an evidence pack in one buyer digest. */
export const EVIDENCE_SUPPLIERS = 10;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

function subjectOf(role: DigestContent['role'], base: DigestBase, period: string, summary: string) {
  return `${shopName(base.publicUrl)} · ${ROLE_TITLES[role]} · ${period} — ${summary}`;
}

function scopeOf(week: { start: string; end: string }, filters: AnalyticsFilters, prefix = '') {
  return [prefix + formatDateRange(week.start, week.end), describeFilters(filters)]
    .filter(Boolean)
    .join(' · ');
}

const weekTitle = (week: string) => {
  const [year, number] = week.split('-W');
  return `Week ${Number(number)}, ${year}`;
};

// ---- owner

/** The KPI lines of the weekly report, in its order, with the test each one carries. */
export function ownerKpiLines(report: WeeklyReport): { lines: KpiLine[]; notes: string[] } {
  const k = report.kpis;
  const lines: KpiLine[] = [
    { label: 'Claims received', kpi: report.claimsReceived, format: 'count', test: 'poisson' },
    { label: 'Units in claims', kpi: report.unitsReturned, format: 'count', test: 'poisson' },
  ];
  const notes: string[] = [];
  if (k.returnRate)
    lines.push({
      label: `Return rate (orders of ${k.returnRate.week?.week ?? report.week.week}, the latest mature order week)`,
      kpi: k.returnRate,
      format: 'share',
      test: 'proportion',
      baselineOf: 'the 4 order weeks before',
    });
  else
    notes.push(
      'Return rate: no order week is mature yet (returns still to come), so it is not tested.',
    );
  if (k.medianFirstResponseHours)
    lines.push({
      label: `First response (median${k.firstResponseStillOpen ? `, ${formatCount(k.firstResponseStillOpen)} still open` : ''})`,
      kpi: k.medianFirstResponseHours,
      format: 'hours',
      test: 'none',
    });
  if (k.netSentiment)
    lines.push({
      label: 'Net sentiment',
      kpi: k.netSentiment,
      format: 'netSentiment',
      test: 'none',
    });
  return { lines, notes };
}

/** Refunds paid per currency (never added across currencies). */
export function refundLines(report: WeeklyReport): KpiLine[] {
  return report.kpis.refundsPaid.map((r) => ({
    label: `Refunds paid (${r.currency})`,
    kpi: r.kpi,
    format: 'money',
    test: 'none',
    currency: r.currency,
  }));
}

function moverLink(m: Mover, report: WeeklyReport, base: DigestBase): DigestLine {
  const text = moverSentence(m, report.moversTest.baselineWeeks);
  if (m.kind === 'supplier')
    return {
      text,
      href: dashboardUrl(base.publicUrl, `/suppliers/${encodeURIComponent(m.key)}`, base.filters),
      linkText: 'Supplier page',
    };
  const filters = { ...base.filters, [m.kind === 'product' ? 'product' : 'reason']: [m.key] };
  return {
    text,
    href: dashboardUrl(base.publicUrl, '/weekly', filters, { week: report.week.week }),
    linkText: 'Weekly report for it',
  };
}

/** The owner's digest: KPIs against normal, only the significant movers, top reasons, money. */
export function composeOwner(report: WeeklyReport, base: DigestBase): DigestContent {
  const period = report.week.week;
  const { lines: kpiLines, notes } = ownerKpiLines(report);
  const significantKpis = kpiLines.filter(kpiSignificant);
  const movers = report.movers;
  const quiet = movers.length === 0 && significantKpis.length === 0;
  const untested = report.moversTest.untested;
  const link = dashboardUrl(base.publicUrl, '/weekly', base.filters, { week: period });
  const summary = quiet
    ? 'nothing moved significantly'
    : [
        movers.length ? plural(movers.length, 'significant mover') : '',
        significantKpis.length
          ? `${plural(significantKpis.length, 'key figure')} beyond normal`
          : '',
      ]
        .filter(Boolean)
        .join(', ');
  const headline = quiet
    ? quietLine('owner', period, { untested })
    : `${summary.charAt(0).toUpperCase()}${summary.slice(1)} in ${period}.`;

  const sections: DigestSection[] = [];
  const tables: DigestTable[] = [];
  if (!quiet) {
    sections.push({
      title: 'Significant movers',
      lines: movers.length
        ? movers.map((m) => moverLink(m, report, base))
        : [{ text: `No rate moved significantly in ${period}.` }],
      note: moversTestSentence(report.moversTest, period),
    });
    sections.push({
      title: 'Key figures against normal',
      lines: [
        ...kpiLines.map((l) => ({ text: kpiSentence(l) })),
        ...notes.map((text) => ({ text })),
      ],
    });
    const top = report.pareto.slice(0, 5);
    sections.push({
      title: 'Top reasons',
      lines: top.length
        ? top.map((r) => ({
            text: `${r.reasonLabel}: ${plural(r.claims, 'claim')}, ${formatShare(r.share)} of the week's claims (cumulative ${formatShare(r.cumulativeShare)})`,
          }))
        : [{ text: `No claims in ${period}.` }],
    });
    const refunds = refundLines(report);
    sections.push({
      title: 'Money',
      lines: refunds.length
        ? refunds.map((l) => ({ text: kpiSentence(l) }))
        : [{ text: `No refunds paid in ${period}.` }],
    });
    tables.push(
      {
        filename: 'movers.csv',
        header: [
          'kind',
          'key',
          'label',
          'metric',
          'value',
          'baseline',
          'count',
          'baselineCount',
          'exposure',
          'baselineExposure',
          'rateRatio',
          'direction',
          'topReason',
          'pValue',
          'qValue',
        ],
        rows: movers.map((m) => [
          m.kind,
          m.key,
          m.label,
          m.metric,
          m.value,
          m.baseline,
          m.count,
          m.baselineCount,
          m.exposure,
          m.baselineExposure,
          m.rateRatio === null || !Number.isFinite(m.rateRatio) ? null : m.rateRatio,
          m.direction,
          m.topReason,
          m.pValue,
          m.qValue,
        ]),
      },
      {
        filename: 'key-figures.csv',
        header: [
          'figure',
          'value',
          'baseline',
          'change',
          'relativeChange',
          'pValue',
          'significant',
          'tested',
        ],
        rows: [...kpiLines, ...refundLines(report)].map((l) => [
          l.label,
          l.kpi.value,
          l.kpi.baseline,
          l.kpi.change,
          l.kpi.relativeChange,
          l.test === 'none' || l.kpi.untested ? null : l.kpi.pValue,
          kpiSignificant(l),
          l.kpi.untested ? l.kpi.untested : l.test === 'none' ? 'no test' : l.test,
        ]),
      },
      {
        filename: 'reasons.csv',
        header: ['reasonCode', 'reasonLabel', 'category', 'claims', 'share', 'cumulativeShare'],
        rows: report.pareto.map((r) => [
          r.reasonCode,
          r.reasonLabel,
          r.category,
          r.claims,
          r.share,
          r.cumulativeShare,
        ]),
      },
    );
  }
  return {
    role: 'owner',
    subject: subjectOf('owner', base, period, summary),
    kicker: 'Owner digest',
    title: weekTitle(period),
    scope: scopeOf(report.week, base.filters),
    headline,
    quiet,
    period,
    sections,
    items: quiet
      ? [headline]
      : [
          ...movers.map((m) => moverSentence(m, report.moversTest.baselineWeeks)),
          ...significantKpis.map(kpiSentence),
        ],
    link,
    linkText: 'Open the weekly report',
    unsubscribeUrl: base.unsubscribeUrl,
    tables,
  };
}

// ---- buyer

export interface FlaggedSupplier {
  readonly supplierId: string;
  readonly name: string;
  /** Set when the supplier is above its 99.8 % funnel limit over the period. */
  readonly beyondLimit: SupplierScore | null;
  /** Set when its defect rate rose significantly in the reported week. */
  readonly rise: Mover | null;
}

/**
 * Suppliers beyond their 99.8 % control limit over the scorecard's period, or whose defect
 * rate rose significantly in the reported week (supplier movers): the scorecard's order (worst
 * first by the lower bound of the interval), then risers it does not list.
 */
export function flaggedSuppliers(
  movers: readonly Mover[],
  scorecard: SupplierScorecard,
): FlaggedSupplier[] {
  const rises = new Map(
    movers
      .filter((m) => m.kind === 'supplier' && m.metric === 'defect_rate' && m.direction === 'up')
      .map((m) => [m.key, m]),
  );
  const out: FlaggedSupplier[] = [];
  for (const s of scorecard.suppliers) {
    const rise = rises.get(s.supplierId) ?? null;
    if (s.signal === 'above' || rise)
      out.push({
        supplierId: s.supplierId,
        name: s.name,
        beyondLimit: s.signal === 'above' ? s : null,
        rise,
      });
    rises.delete(s.supplierId);
  }
  for (const m of rises.values())
    out.push({ supplierId: m.key, name: m.label, beyondLimit: null, rise: m });
  return out;
}

/** A file name part from a supplier id: letters, digits, `-` and `_` only. */
export function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'supplier';
}

export interface BuyerInput {
  readonly report: Pick<WeeklyReport, 'week' | 'movers' | 'moversTest'>;
  readonly scorecard: SupplierScorecard;
  /** Per flagged supplier: its evidence pack (claim records), by supplier id. */
  readonly evidence: ReadonlyMap<string, DigestTable>;
}

/** The buyer's digest: suppliers beyond their limits or rising, each with its page and evidence. */
export function composeBuyer(input: BuyerInput, base: DigestBase): DigestContent {
  const { report, scorecard } = input;
  const period = report.week.week;
  const range = `${scorecard.period.from.week} – ${scorecard.period.to.week}`;
  const periodParams = { from: scorecard.period.from.week, to: scorecard.period.to.week };
  const flagged = flaggedSuppliers(report.movers, scorecard);
  const quiet = flagged.length === 0;
  const untested = report.moversTest.untested;
  const summary = quiet
    ? 'nothing moved significantly'
    : `${plural(flagged.length, 'supplier')} to look at`;
  const headline = quiet
    ? quietLine('buyer', period, untested ? { untested } : {}) +
      (untested ? ' No supplier is beyond its 99.8% control limit either.' : '')
    : `${plural(flagged.length, 'supplier')} beyond ${flagged.length === 1 ? 'its' : 'their'} 99.8% control limit or rising significantly in ${period}.`;

  const lines: DigestLine[] = [];
  const items: string[] = [];
  for (const f of flagged) {
    const href = dashboardUrl(
      base.publicUrl,
      `/suppliers/${encodeURIComponent(f.supplierId)}`,
      base.filters,
      periodParams,
    );
    const sentences = [
      f.beyondLimit
        ? supplierLimitSentence(f.beyondLimit, range, scorecard.overallDefectRate)
        : null,
      f.rise ? supplierRiseSentence(f.rise, period, report.moversTest.baselineWeeks) : null,
    ].filter((s): s is string => s !== null);
    const pack = input.evidence.get(f.supplierId);
    sentences.forEach((text, i) =>
      lines.push(
        i === sentences.length - 1
          ? {
              text: pack
                ? `${text}. Evidence: ${pack.filename} (${plural(pack.rows.length, 'defect claim')}).`
                : text,
              href,
              linkText: 'Supplier page',
            }
          : { text },
      ),
    );
    items.push(...sentences);
  }
  const sections: DigestSection[] = quiet
    ? []
    : [
        {
          title: 'Suppliers to look at',
          lines,
          note:
            `Control limits: funnel limits around all suppliers' defect rate of ${formatShare(scorecard.overallDefectRate)} over ${range}, for each supplier's volume. ` +
            (untested
              ? `Rises of ${period} are not tested: the week is not over yet.`
              : `Rises: supplier defect rates of ${period} against their own ${report.moversTest.baselineWeeks} weeks before (q < 0.05).`),
        },
      ];
  const tables: DigestTable[] = quiet
    ? []
    : [
        {
          filename: 'suppliers.csv',
          header: [
            'supplierId',
            'name',
            'signal',
            'defectRate',
            'limit998Upper',
            'defectUnits',
            'unitsSold',
            'claims',
            'risingInWeek',
            'weekDefectRate',
            'baselineDefectRate',
            'qValue',
            'link',
          ],
          rows: flagged.map((f) => [
            f.supplierId,
            f.name,
            f.beyondLimit?.signal ?? 'rising',
            f.beyondLimit?.defectRate ?? null,
            f.beyondLimit?.limits998?.upper ?? null,
            f.beyondLimit?.defectUnits ?? null,
            f.beyondLimit?.unitsSold ?? null,
            f.beyondLimit?.claims ?? null,
            f.rise ? period : null,
            f.rise?.value ?? null,
            f.rise?.baseline ?? null,
            f.rise?.qValue ?? null,
            dashboardUrl(
              base.publicUrl,
              `/suppliers/${encodeURIComponent(f.supplierId)}`,
              base.filters,
              periodParams,
            ),
          ]),
        },
        ...flagged.flatMap((f) => {
          const pack = input.evidence.get(f.supplierId);
          return pack ? [pack] : [];
        }),
      ];
  return {
    role: 'buyer',
    subject: subjectOf('buyer', base, period, summary),
    kicker: 'Buyer digest',
    title: weekTitle(period),
    scope: [`Suppliers over ${range}`, describeFilters(base.filters)].filter(Boolean).join(' · '),
    headline,
    quiet,
    period,
    sections,
    items: quiet ? [headline] : items,
    link: dashboardUrl(base.publicUrl, '/suppliers', base.filters, periodParams),
    linkText: 'Open the suppliers scorecard',
    unsubscribeUrl: base.unsubscribeUrl,
    tables,
  };
}

// ---- service manager

export interface ManagerInput {
  readonly report: Pick<WeeklyReport, 'week' | 'kpis' | 'timeZone'>;
  /** The SLA report now, with every open claim in its lists. */
  readonly sla: Pick<SlaReport, 'atRisk' | 'breachesOpen' | 'atRiskClaims' | 'breachedOpenClaims'>;
  /** The previous digest's slot (the caller turns null into 7 days ago). */
  readonly since: Date;
  readonly now: Date;
}

const OPEN_CLAIM_HEADER = [
  'externalId',
  'policyId',
  'policy',
  'type',
  'channel',
  'assignee',
  'openedAt',
  'deadline',
  'hoursLeft',
];
const openClaimRow = (c: SlaOpenClaim) => [
  c.externalId,
  c.policyId,
  c.policy,
  c.type,
  c.channel,
  c.assignee,
  c.openedAt,
  c.deadline,
  c.hoursLeft,
];

/** The service manager's digest: attainment per policy, breaches since the last digest, claims at risk. */
export function composeManager(input: ManagerInput, base: DigestBase): DigestContent {
  const { report, sla, since, now } = input;
  const tz = report.timeZone;
  const period = report.week.week;
  const sinceText = formatInstant(since, tz);
  const newBreaches = sla.breachesOpen.filter((c) => breachedAt(c, now) >= since);
  // Newest breach first: what happened since the last digest.
  newBreaches.sort((a, b) => b.hoursLeft - a.hoursLeft || a.externalId.localeCompare(b.externalId));
  const atRisk = sla.atRisk;
  const policies = report.kpis.slaPolicies;
  const fell = policies.filter(slaPolicyFell);
  const quiet = newBreaches.length === 0 && atRisk.length === 0 && fell.length === 0;
  const summaryParts = [
    newBreaches.length ? `${plural(newBreaches.length, 'new breach', 'new breaches')}` : '',
    atRisk.length ? `${formatCount(atRisk.length)} at risk` : '',
    fell.length ? `${plural(fell.length, 'policy', 'policies')} below normal` : '',
  ].filter(Boolean);
  const summary = quiet ? 'nothing moved significantly' : summaryParts.join(', ');
  const headline = quiet
    ? quietLine('manager', period, { since: sinceText })
    : `Since ${sinceText}: ${summaryParts.join(', ')}.`;

  const listed = (claims: readonly SlaOpenClaim[], sentence: (c: SlaOpenClaim) => string) =>
    claims.slice(0, LISTED_CLAIMS).map((c) => ({ text: sentence(c) }));
  const more = (n: number, file: string) =>
    n > LISTED_CLAIMS ? ` ${formatCount(n - LISTED_CLAIMS)} more in ${file}.` : '';
  const sections: DigestSection[] = quiet
    ? []
    : [
        {
          title: 'SLA attainment per policy',
          lines: policies.length
            ? policies.map((p) => ({ text: slaPolicySentence(p, period) }))
            : [{ text: 'No SLA policy is set.' }],
          note: 'A week counts once every claim of it is due: until then it is immature and not tested.',
        },
        {
          title: `New breaches since ${sinceText}`,
          lines: newBreaches.length
            ? listed(newBreaches, (c) => breachSentence(c, tz))
            : [{ text: 'No open claim passed a deadline since then.' }],
          note:
            `Open claims past a deadline now: ${formatCount(sla.breachedOpenClaims)} in all.` +
            more(newBreaches.length, 'breaches.csv'),
        },
        {
          title: 'At risk now',
          lines: atRisk.length
            ? listed(atRisk, (c) => atRiskSentence(c, tz))
            : [{ text: 'No open claim is close to a deadline.' }],
          note: more(atRisk.length, 'at-risk.csv').trim() || undefined,
        },
      ];
  const tables: DigestTable[] = quiet
    ? []
    : [
        {
          filename: 'sla-policies.csv',
          header: [
            'policyId',
            'name',
            'metric',
            'targetHours',
            'week',
            'attainment',
            'baseline',
            'pValue',
            'significant',
            'immature',
            'pending',
            'untested',
          ],
          rows: policies.map((p) => [
            p.policyId,
            p.name,
            p.metric,
            p.targetHours,
            p.kpi?.week?.week ?? period,
            p.kpi?.value ?? null,
            p.kpi?.baseline ?? null,
            p.kpi && !p.kpi.untested ? p.kpi.pValue : null,
            p.kpi ? kpiSignificant({ kpi: p.kpi, test: 'proportion' }) : false,
            p.immature,
            p.pending,
            p.kpi?.untested ?? null,
          ]),
        },
        {
          filename: 'breaches.csv',
          header: OPEN_CLAIM_HEADER,
          rows: newBreaches.map(openClaimRow),
        },
        { filename: 'at-risk.csv', header: OPEN_CLAIM_HEADER, rows: atRisk.map(openClaimRow) },
      ];
  return {
    role: 'manager',
    subject: subjectOf('manager', base, period, summary),
    kicker: 'Service manager digest',
    title: weekTitle(period),
    scope: scopeOf(report.week, base.filters, `Since ${sinceText} · report week `),
    headline,
    quiet,
    period,
    sections,
    items: quiet
      ? [headline]
      : [
          ...fell.map((p) => slaPolicySentence(p, period)),
          ...newBreaches.slice(0, LISTED_CLAIMS).map((c) => breachSentence(c, tz)),
          ...atRisk.slice(0, LISTED_CLAIMS).map((c) => atRiskSentence(c, tz)),
        ],
    link: dashboardUrl(base.publicUrl, '/sla', base.filters),
    linkText: 'Open the SLA page',
    unsubscribeUrl: base.unsubscribeUrl,
    tables,
  };
}
