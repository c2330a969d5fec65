import {
  composeBuyer,
  composeManager,
  composeOwner,
  flaggedSuppliers,
  type DigestBase,
} from './compose';
import { dashboardUrl, renderHtml, renderText } from './render';
import {
  KESTREL,
  kpi,
  openClaim,
  policy,
  report,
  scorecard,
  supplier,
  WEEK,
} from './digest.fixtures';

const base: DigestBase = {
  publicUrl: 'https://returns.example.com',
  filters: { channel: ['email', 'web_form'] },
  unsubscribeUrl: 'https://returns.example.com/api/unsubscribe/tok123',
};

describe('owner digest', () => {
  const owner = composeOwner(report(), base);

  it('names the shop, the role and the period in the subject', () => {
    expect(owner.subject).toBe(
      'Returnlens (returns.example.com) · Owner digest · 2026-W48 — 1 significant mover',
    );
    expect(owner.quiet).toBe(false);
    expect(owner.period).toBe('2026-W48');
  });

  it('lists only the significant movers, in sentences with their evidence', () => {
    expect(owner.items).toEqual([
      'Kestrel Electronics: defect rate 3.1% against 1.2% (q = 0.003), 45 defect units this week against 14.5 a week in the 8 weeks before, mostly product defect',
    ]);
    const [movers] = owner.sections.filter((s) => s.title === 'Significant movers');
    expect(movers.lines[0].href).toBe(
      'https://returns.example.com/suppliers/SUP-004?channel=email,web_form',
    );
    expect(movers.note).toBe(
      '240 rates compared with their own 8 weeks before (Benjamini–Hochberg, q < 0.05).',
    );
  });

  it('links to the weekly report of the same week with the filters the web app reads', () => {
    expect(owner.link).toBe(
      'https://returns.example.com/weekly?week=2026-W48&channel=email,web_form',
    );
  });

  it('has the KPIs against normal, the top reasons and the money', () => {
    const text = renderText(owner);
    expect(text).toContain(
      'Claims received: 512 against 480.3 a week on average in the 4 weeks before (+31.8, +6.6%), within normal variation (p = 0.210)',
    );
    expect(text).toContain(
      'Return rate (orders of 2026-W44, the latest mature order week): 8.1% against 7.9%',
    );
    expect(text).toContain('Product defect: 160 claims, 31.3% of the week');
    expect(text).toContain('Refunds paid (EUR): €1,200.00 against €1,000.00 a week on average');
    expect(text).toContain('First response (median, 3 still open): 5 h 15 min against 4 h 30 min');
  });

  it('is quiet with one line when nothing moved and no KPI is significant', () => {
    const quiet = composeOwner(report({ movers: [] }), base);
    expect(quiet.quiet).toBe(true);
    expect(quiet.subject).toBe(
      'Returnlens (returns.example.com) · Owner digest · 2026-W48 — nothing moved significantly',
    );
    expect(quiet.items).toEqual([
      'Nothing moved significantly in 2026-W48: no mover and no key figure beyond its normal variation.',
    ]);
    expect(quiet.sections).toEqual([]);
    expect(quiet.tables).toEqual([]);
  });

  it('is not quiet for a significant KPI alone', () => {
    const busy = composeOwner(
      report({ movers: [], claimsReceived: kpi(700, 480, { significant: true, pValue: 0.0001 }) }),
      base,
    );
    expect(busy.quiet).toBe(false);
    expect(busy.subject).toMatch(/— 1 key figure beyond normal$/);
    expect(busy.items[0]).toMatch(/^Claims received: 700 .* a significant rise \(p < 0\.001\)$/);
  });

  it('never claims significance for a week that is not over: says so in words', () => {
    const open = composeOwner(
      report({
        week: { week: '2026-W49', start: '2026-11-30', end: '2026-12-06' },
        weekComplete: false,
        movers: [],
        moversTest: { candidates: 0, baselineWeeks: 0, untested: 'incomplete_week' },
        claimsReceived: kpi(300, 480, { pValue: 1, untested: 'incomplete_week' }),
      }),
      base,
    );
    expect(open.quiet).toBe(true);
    expect(open.items).toEqual([
      'Nothing moved significantly in 2026-W49: not tested: the week is not over yet, so nothing is called significant.',
    ]);
  });

  it('attaches its tables as CSV', () => {
    expect(owner.tables.map((t) => t.filename)).toEqual([
      'movers.csv',
      'key-figures.csv',
      'reasons.csv',
    ]);
    expect(owner.tables[0].rows[0]).toContain('Kestrel Electronics');
  });
});

describe('HTML part', () => {
  const hostile = '<script>alert("x")</script> & "Kestrel"';
  const html = renderHtml(
    composeOwner(report({ movers: [{ ...KESTREL, label: hostile }] }), {
      ...base,
      filters: { supplier: ['"><img src=x onerror=alert(1)>'] },
    }),
    ['movers.csv'],
  );

  it('escapes every shop-provided text and filter value', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Kestrel&quot;',
    );
  });

  it('is a table layout with inline styles only: no script, no stylesheet, no image', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<style|<link|<img|<script|javascript:/i);
  });

  it('has the unsubscribe link and the dashboard link', () => {
    expect(html).toContain('href="https://returns.example.com/api/unsubscribe/tok123"');
    expect(html).toContain('>Unsubscribe</a>');
    expect(html).toContain('>Open the weekly report</a>');
    expect(html).toContain('Attached: movers.csv');
  });
});

describe('plain-text part', () => {
  it('has the headline, the sentences, the links and the unsubscribe address', () => {
    const text = renderText(composeOwner(report(), base), [
      'movers.csv',
      'weekly-report-2026-W48.pdf',
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Owner digest · Week 48, 2026');
    expect(lines[1]).toBe('23–29 Nov 2026 · Channel: Email, Web form');
    expect(lines[3]).toBe('1 significant mover in 2026-W48.');
    expect(text).toContain(
      '- Kestrel Electronics: defect rate 3.1% against 1.2% (q = 0.003), 45 defect units this week against 14.5 a week in the 8 weeks before, mostly product defect\n  Supplier page: https://returns.example.com/suppliers/SUP-004?channel=email,web_form',
    );
    expect(text).toContain(
      'Open the weekly report: https://returns.example.com/weekly?week=2026-W48&channel=email,web_form',
    );
    expect(text).toContain('Attached: movers.csv, weekly-report-2026-W48.pdf');
    expect(text.trimEnd().split('\n').pop()).toBe(
      'Unsubscribe: https://returns.example.com/api/unsubscribe/tok123',
    );
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('of a quiet digest is its one line, the link and the unsubscribe address', () => {
    const text = renderText({
      ...composeOwner(report({ movers: [] }), base),
      unsubscribeUrl: null,
    });
    expect(text).toBe(
      'Owner digest · Week 48, 2026\n23–29 Nov 2026 · Channel: Email, Web form\n\n' +
        'Nothing moved significantly in 2026-W48: no mover and no key figure beyond its normal variation.\n\n' +
        'Open the weekly report: https://returns.example.com/weekly?week=2026-W48&channel=email,web_form\n',
    );
  });
});

describe('buyer digest', () => {
  it('flags suppliers beyond their 99.8% limit or rising, each with its page and evidence', () => {
    const card = scorecard([
      supplier(),
      supplier({ supplierId: 'SUP-001', name: 'Acme', signal: 'warning' }),
      supplier({ supplierId: 'SUP-002', name: 'Bolt & Co', signal: 'within' }),
    ]);
    const rising = { ...KESTREL, key: 'SUP-002', label: 'Bolt & Co' };
    expect(flaggedSuppliers([KESTREL, rising], card).map((f) => f.supplierId)).toEqual([
      'SUP-004',
      'SUP-002',
    ]);
    const evidence = new Map([
      [
        'SUP-004',
        {
          filename: 'evidence-SUP-004.csv',
          header: ['externalId'],
          rows: [['C-1'], ['C-2']],
          always: true,
        },
      ],
    ]);
    const buyer = composeBuyer(
      { report: report({ movers: [KESTREL, rising] }), scorecard: card, evidence },
      base,
    );
    expect(buyer.quiet).toBe(false);
    expect(buyer.subject).toBe(
      'Returnlens (returns.example.com) · Buyer digest · 2026-W48 — 2 suppliers to look at',
    );
    const lines = buyer.sections[0].lines;
    expect(lines[0].text).toMatch(
      /^Kestrel Electronics: defect rate 3\.1% over 2026-W37 – 2026-W48, above its 99\.8% control limit of 2\.0%/,
    );
    expect(lines[1].text).toBe(
      'Kestrel Electronics: defect rate rose to 3.1% in 2026-W48 against 1.2% in the 8 weeks before (q = 0.003), 45 defect units against 14.5 a week before, mostly product defect. Evidence: evidence-SUP-004.csv (2 defect claims).',
    );
    expect(lines[1].href).toBe(
      'https://returns.example.com/suppliers/SUP-004?from=2026-W37&to=2026-W48&channel=email,web_form',
    );
    expect(buyer.tables.map((t) => t.filename)).toEqual(['suppliers.csv', 'evidence-SUP-004.csv']);
    expect(buyer.link).toBe(
      'https://returns.example.com/suppliers?from=2026-W37&to=2026-W48&channel=email,web_form',
    );
  });

  it('is quiet when every supplier is within its limits and none rose', () => {
    const buyer = composeBuyer(
      {
        report: report({ movers: [] }),
        scorecard: scorecard([supplier({ signal: 'within' })]),
        evidence: new Map(),
      },
      base,
    );
    expect(buyer.quiet).toBe(true);
    expect(buyer.items).toEqual([
      'Nothing moved significantly in 2026-W48: no supplier is beyond its 99.8% control limit or rose significantly.',
    ]);
  });
});

describe('service manager digest', () => {
  const now = new Date('2026-12-05T14:00:00Z');
  const since = new Date('2026-11-28T08:00:00Z');

  it('lists attainment per policy, breaches since the last digest and claims at risk', () => {
    const manager = composeManager(
      {
        report: report({ kpis: { ...report().kpis, slaPolicies: [policy()] } }),
        sla: {
          breachesOpen: [
            openClaim(),
            // Breached before the last digest: not new.
            openClaim({
              externalId: 'C-0900',
              deadline: '2026-11-20T09:00:00.000Z',
              hoursLeft: -365,
            }),
          ],
          atRisk: [
            openClaim({ externalId: 'C-1050', deadline: '2026-12-05T17:00:00.000Z', hoursLeft: 3 }),
          ],
          breachedOpenClaims: 2,
          atRiskClaims: 1,
        },
        since,
        now,
      },
      base,
    );
    expect(manager.quiet).toBe(false);
    expect(manager.subject).toBe(
      'Returnlens (returns.example.com) · Service manager digest · 2026-W48 — 1 new breach, 1 at risk',
    );
    expect(manager.items).toEqual([
      'Claim C-1042 (Return, Email, Anna): First response 24 h breached, 5 h overdue (deadline Fri 4 Dec, 09:00)',
      'Claim C-1050 (Return, Email, Anna): First response 24 h due in 3 h (Sat 5 Dec, 17:00)',
    ]);
    expect(manager.sections.map((s) => s.title)).toEqual([
      'SLA attainment per policy',
      'New breaches since Sat 28 Nov, 08:00',
      'At risk now',
    ]);
    expect(manager.sections[0].lines[0].text).toBe(
      'First response 24 h (first response within 24 h): 2026-W48: 91.2% met against 94.0% in the mature weeks of the 4 before (\u22122.8 pp), within normal variation (p = 0.300)',
    );
    expect(manager.link).toBe('https://returns.example.com/sla?channel=email,web_form');
    expect(manager.tables.find((t) => t.filename === 'breaches.csv')?.rows).toHaveLength(1);
  });

  it('is quiet without new breaches, claims at risk or a significant fall', () => {
    const manager = composeManager(
      {
        report: report({ kpis: { ...report().kpis, slaPolicies: [policy()] } }),
        sla: { breachesOpen: [], atRisk: [], breachedOpenClaims: 0, atRiskClaims: 0 },
        since,
        now,
      },
      base,
    );
    expect(manager.quiet).toBe(true);
    expect(manager.items).toEqual([
      "Nothing moved significantly in 2026-W48: no new SLA breach since Sat 28 Nov, 08:00, no claim at risk and no policy's attainment fell significantly.",
    ]);
  });
});

describe('dashboardUrl', () => {
  it('writes the page, its own parameters and the filters, encoded', () => {
    expect(
      dashboardUrl('https://x.test/', '/weekly', { supplier: ['A&B', 'C'] }, { week: WEEK.week }),
    ).toBe('https://x.test/weekly?week=2026-W48&supplier=A%26B,C');
  });
});
