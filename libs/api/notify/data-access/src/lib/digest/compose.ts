import {
  type AnalyticsFilters,
  type Mover,
  type SlaOpenClaim,
  type SlaReport,
  type SupplierScorecard,
  type SupplierScore,
  type UiLanguage,
  type WeeklyReport,
} from '@returnlens/shared/contracts';
import { notifyText, type NotifyText } from '../i18n/notify-text';
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
  roleTitle,
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
  /** The reader's language (English when not given): every sentence and figure is written in it. */
  readonly language?: UiLanguage;
}

/** At most this many open claims are written out per list; the CSV has every one. */
export const LISTED_CLAIMS = 15;
/** At most this many suppliers get an evidence pack in one buyer digest. */
export const EVIDENCE_SUPPLIERS = 10;

function subjectOf(
  role: DigestContent['role'],
  base: DigestBase,
  period: string,
  summary: string,
  text: NotifyText,
) {
  return text.t('digest.subject', {
    shop: shopName(base.publicUrl),
    role: roleTitle(role, text),
    period,
    summary,
  });
}

function scopeOf(when: string, filters: AnalyticsFilters, text: NotifyText) {
  return [when, describeFilters(filters, text)].filter(Boolean).join(' · ');
}

const weekTitle = (week: string, text: NotifyText) => {
  const [year, number] = week.split('-W');
  // The year as written, not as a grouped number ("2026", never "2 026").
  return text.t('digest.week', { number: Number(number), year });
};

/** "3 significant movers" → "3 significant movers"; "żadna zmiana" → "Żadna zmiana". */
const capitalized = (line: string, text: NotifyText) =>
  line.charAt(0).toLocaleUpperCase(text.locale) + line.slice(1);

// ---- owner

/** The KPI lines of the weekly report, in its order, with the test each one carries. */
export function ownerKpiLines(
  report: WeeklyReport,
  text: NotifyText = notifyText(),
): { lines: KpiLine[]; notes: string[] } {
  const { t } = text;
  const k = report.kpis;
  const lines: KpiLine[] = [
    {
      label: t('kpi.claimsReceived'),
      kpi: report.claimsReceived,
      format: 'count',
      test: 'poisson',
    },
    { label: t('kpi.unitsInClaims'), kpi: report.unitsReturned, format: 'count', test: 'poisson' },
  ];
  const notes: string[] = [];
  if (k.returnRate)
    lines.push({
      label: t('kpi.returnRate', { week: k.returnRate.week?.week ?? report.week.week }),
      kpi: k.returnRate,
      format: 'share',
      test: 'proportion',
      baselineOf: t('kpi.of.orderWeeks'),
    });
  else notes.push(t('kpi.returnRateUntested'));
  if (k.medianFirstResponseHours)
    lines.push({
      label: k.firstResponseStillOpen
        ? t('kpi.firstResponseOpen', {
            count: formatCount(k.firstResponseStillOpen, text.locale),
          })
        : t('kpi.firstResponse'),
      kpi: k.medianFirstResponseHours,
      format: 'hours',
      test: 'none',
    });
  if (k.netSentiment)
    lines.push({
      label: t('kpi.netSentiment'),
      kpi: k.netSentiment,
      format: 'netSentiment',
      test: 'none',
    });
  return { lines, notes };
}

/** Refunds paid per currency (never added across currencies). */
export function refundLines(report: WeeklyReport, text: NotifyText = notifyText()): KpiLine[] {
  return report.kpis.refundsPaid.map((r) => ({
    label: text.t('kpi.refunds', { currency: r.currency }),
    kpi: r.kpi,
    format: 'money',
    test: 'none',
    currency: r.currency,
  }));
}

function moverLink(
  m: Mover,
  report: WeeklyReport,
  base: DigestBase,
  words: NotifyText,
): DigestLine {
  const text = moverSentence(m, report.moversTest.baselineWeeks, words);
  if (m.kind === 'supplier')
    return {
      text,
      href: dashboardUrl(base.publicUrl, `/suppliers/${encodeURIComponent(m.key)}`, base.filters),
      linkText: words.t('digest.supplierPage'),
    };
  const filters = { ...base.filters, [m.kind === 'product' ? 'product' : 'reason']: [m.key] };
  return {
    text,
    href: dashboardUrl(base.publicUrl, '/weekly', filters, { week: report.week.week }),
    linkText: words.t('owner.weeklyForIt'),
  };
}

/** The owner's digest: KPIs against normal, only the significant movers, top reasons, money. */
export function composeOwner(report: WeeklyReport, base: DigestBase): DigestContent {
  const text = notifyText(base.language);
  const { t, locale } = text;
  const period = report.week.week;
  const { lines: kpiLines, notes } = ownerKpiLines(report, text);
  const significantKpis = kpiLines.filter(kpiSignificant);
  const movers = report.movers;
  const quiet = movers.length === 0 && significantKpis.length === 0;
  const untested = report.moversTest.untested;
  const link = dashboardUrl(base.publicUrl, '/weekly', base.filters, { week: period });
  const summary = quiet
    ? t('digest.nothingMoved')
    : [
        movers.length ? t('owner.movers', { count: movers.length }) : '',
        significantKpis.length ? t('owner.kpis', { count: significantKpis.length }) : '',
      ]
        .filter(Boolean)
        .join(', ');
  const headline = quiet
    ? quietLine('owner', period, { untested }, text)
    : capitalized(t('owner.headline', { summary, period }), text);

  const sections: DigestSection[] = [];
  const tables: DigestTable[] = [];
  if (!quiet) {
    sections.push({
      title: t('owner.sectionMovers'),
      lines: movers.length
        ? movers.map((m) => moverLink(m, report, base, text))
        : [{ text: t('owner.noMover', { period }) }],
      note: moversTestSentence(report.moversTest, period, text),
    });
    sections.push({
      title: t('owner.sectionKpis'),
      lines: [
        ...kpiLines.map((l) => ({ text: kpiSentence(l, text) })),
        ...notes.map((note) => ({ text: note })),
      ],
    });
    const top = report.pareto.slice(0, 5);
    sections.push({
      title: t('owner.sectionReasons'),
      lines: top.length
        ? top.map((r) => ({
            text: t('owner.reason', {
              reason: text.word('reason', r.reasonCode, r.reasonLabel),
              count: r.claims,
              share: formatShare(r.share, locale),
              cumulative: formatShare(r.cumulativeShare, locale),
            }),
          }))
        : [{ text: t('owner.noClaims', { period }) }],
    });
    const refunds = refundLines(report, text);
    sections.push({
      title: t('owner.sectionMoney'),
      lines: refunds.length
        ? refunds.map((l) => ({ text: kpiSentence(l, text) }))
        : [{ text: t('owner.noRefunds', { period }) }],
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
        rows: [...kpiLines, ...refundLines(report, text)].map((l) => [
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
    language: text.language,
    subject: subjectOf('owner', base, period, summary, text),
    kicker: roleTitle('owner', text),
    title: weekTitle(period, text),
    scope: scopeOf(formatDateRange(report.week.start, report.week.end, locale), base.filters, text),
    headline,
    quiet,
    period,
    sections,
    items: quiet
      ? [headline]
      : [
          ...movers.map((m) => moverSentence(m, report.moversTest.baselineWeeks, text)),
          ...significantKpis.map((l) => kpiSentence(l, text)),
        ],
    link,
    linkText: t('owner.link'),
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
  const text = notifyText(base.language);
  const { t, locale } = text;
  const { report, scorecard } = input;
  const period = report.week.week;
  const range = `${scorecard.period.from.week} – ${scorecard.period.to.week}`;
  const periodParams = { from: scorecard.period.from.week, to: scorecard.period.to.week };
  const flagged = flaggedSuppliers(report.movers, scorecard);
  const quiet = flagged.length === 0;
  const untested = report.moversTest.untested;
  const summary = quiet ? t('digest.nothingMoved') : t('buyer.summary', { count: flagged.length });
  const headline = quiet
    ? quietLine('buyer', period, untested ? { untested } : {}, text) +
      (untested ? ` ${t('buyer.quietLimits')}` : '')
    : t('buyer.headline', { count: flagged.length, period });

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
        ? supplierLimitSentence(f.beyondLimit, range, scorecard.overallDefectRate, text)
        : null,
      f.rise ? supplierRiseSentence(f.rise, period, report.moversTest.baselineWeeks, text) : null,
    ].filter((s): s is string => s !== null);
    const pack = input.evidence.get(f.supplierId);
    sentences.forEach((sentence, i) =>
      lines.push(
        i === sentences.length - 1
          ? {
              text: pack
                ? t('buyer.evidence', { sentence, file: pack.filename, count: pack.rows.length })
                : sentence,
              href,
              linkText: t('digest.supplierPage'),
            }
          : { text: sentence },
      ),
    );
    items.push(...sentences);
  }
  const sections: DigestSection[] = quiet
    ? []
    : [
        {
          title: t('buyer.section'),
          lines,
          note:
            `${t('buyer.limitsNote', { rate: formatShare(scorecard.overallDefectRate, locale), range })} ` +
            (untested
              ? t('buyer.risesUntested', { period })
              : t('buyer.rises', { period, weeks: report.moversTest.baselineWeeks })),
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
    language: text.language,
    subject: subjectOf('buyer', base, period, summary, text),
    kicker: roleTitle('buyer', text),
    title: weekTitle(period, text),
    scope: scopeOf(t('buyer.scope', { range }), base.filters, text),
    headline,
    quiet,
    period,
    sections,
    items: quiet ? [headline] : items,
    link: dashboardUrl(base.publicUrl, '/suppliers', base.filters, periodParams),
    linkText: t('buyer.link'),
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
  const text = notifyText(base.language);
  const { t, locale } = text;
  const { report, sla, since, now } = input;
  const tz = report.timeZone;
  const period = report.week.week;
  const sinceText = formatInstant(since, tz, locale);
  const newBreaches = sla.breachesOpen.filter((c) => breachedAt(c, now) >= since);
  // Newest breach first: what happened since the last digest.
  newBreaches.sort((a, b) => b.hoursLeft - a.hoursLeft || a.externalId.localeCompare(b.externalId));
  const atRisk = sla.atRisk;
  const policies = report.kpis.slaPolicies;
  const fell = policies.filter(slaPolicyFell);
  const quiet = newBreaches.length === 0 && atRisk.length === 0 && fell.length === 0;
  const summaryParts = [
    newBreaches.length ? t('manager.breaches', { count: newBreaches.length }) : '',
    atRisk.length ? t('manager.atRisk', { count: formatCount(atRisk.length, locale) }) : '',
    fell.length ? t('manager.fell', { count: fell.length }) : '',
  ].filter(Boolean);
  const summary = quiet ? t('digest.nothingMoved') : summaryParts.join(', ');
  const headline = quiet
    ? quietLine('manager', period, { since: sinceText }, text)
    : t('manager.headline', { since: sinceText, summary: summaryParts.join(', ') });

  const listed = (claims: readonly SlaOpenClaim[], sentence: (c: SlaOpenClaim) => string) =>
    claims.slice(0, LISTED_CLAIMS).map((c) => ({ text: sentence(c) }));
  const more = (n: number, file: string) =>
    n > LISTED_CLAIMS
      ? ` ${t('manager.more', { count: formatCount(n - LISTED_CLAIMS, locale), file })}`
      : '';
  const sections: DigestSection[] = quiet
    ? []
    : [
        {
          title: t('manager.sectionPolicies'),
          lines: policies.length
            ? policies.map((p) => ({ text: slaPolicySentence(p, period, text) }))
            : [{ text: t('manager.noPolicy') }],
          note: t('manager.policiesNote'),
        },
        {
          title: t('manager.sectionBreaches', { since: sinceText }),
          lines: newBreaches.length
            ? listed(newBreaches, (c) => breachSentence(c, tz, text))
            : [{ text: t('manager.noBreach') }],
          note:
            t('manager.breachesNote', { count: formatCount(sla.breachedOpenClaims, locale) }) +
            more(newBreaches.length, 'breaches.csv'),
        },
        {
          title: t('manager.sectionAtRisk'),
          lines: atRisk.length
            ? listed(atRisk, (c) => atRiskSentence(c, tz, text))
            : [{ text: t('manager.noAtRisk') }],
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
    language: text.language,
    subject: subjectOf('manager', base, period, summary, text),
    kicker: roleTitle('manager', text),
    title: weekTitle(period, text),
    scope: scopeOf(
      t('manager.scope', {
        since: sinceText,
        range: formatDateRange(report.week.start, report.week.end, locale),
      }),
      base.filters,
      text,
    ),
    headline,
    quiet,
    period,
    sections,
    items: quiet
      ? [headline]
      : [
          ...fell.map((p) => slaPolicySentence(p, period, text)),
          ...newBreaches.slice(0, LISTED_CLAIMS).map((c) => breachSentence(c, tz, text)),
          ...atRisk.slice(0, LISTED_CLAIMS).map((c) => atRiskSentence(c, tz, text)),
        ],
    link: dashboardUrl(base.publicUrl, '/sla', base.filters),
    linkText: t('manager.link'),
    unsubscribeUrl: base.unsubscribeUrl,
    tables,
  };
}
