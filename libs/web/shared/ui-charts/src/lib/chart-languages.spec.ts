import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParetoRow, SupplierScorecard } from '@returnlens/shared/contracts';
import { flattenMessages, formatMessage } from '@returnlens/shared/i18n';
import { buildAspectDivergingOption } from './aspect-options';
import { buildSentimentTrendOption } from './feedback-options';
import { isRightToLeft, setFormatLanguage } from './format';
import { buildFunnelOption, funnelHeadline } from './funnel-option';
import type { ChartText } from './i18n/chart-text';
import { layOutChart } from './option-common';
import { buildParetoOption } from './pareto-option';
import { mismatchHeadline, rootCauseTree } from './root-cause-options';
import { buildAttainmentOption, formatTarget } from './sla-options';
import { DESIGN_TOKENS } from './tokens';

/** The `charts` messages of a language as the app's files have them (what the loader fetches). */
const DIR = join(__dirname, '../../../../../../apps/web/public/i18n/charts');
function chartText(lang: string): ChartText {
  const messages = flattenMessages(JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8')));
  return (key, params) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`${lang} lacks ${key}`);
    return formatMessage(lang, message, params ?? {});
  };
}
const polish = chartText('pl');
const hebrew = chartText('he');
const russian = chartText('ru');
const tokens = DESIGN_TOKENS.light;

type Axis = {
  name?: string;
  inverse?: boolean;
  position?: string;
  splitNumber?: number;
  axisLabel?: { interval?: unknown; hideOverlap?: boolean; rotate?: number };
};
type Named = { name: string; label?: { position?: string } };

const scorecard: SupplierScorecard = {
  period: {
    timeZone: 'UTC',
    from: { week: '2026-W01', start: '', end: '' },
    to: { week: '2026-W12', start: '', end: '' },
    weeks: [],
    source: 'rollup',
  },
  overallDefectRate: 0.01,
  suppliers: [
    ['S1', 'Kestrel Electronics', 10000, 300, 'above'],
    ['S2', 'Heron', 2000, 20, 'within'],
  ].map(([supplierId, name, unitsSold, defectUnits, signal]) => ({
    supplierId: supplierId as string,
    name: name as string,
    unitsSold: unitsSold as number,
    claims: defectUnits as number,
    defectUnits: defectUnits as number,
    defectRate: (defectUnits as number) / (unitsSold as number),
    ppm: null,
    ci95: null,
    limits95: null,
    limits998: null,
    signal: signal as 'above' | 'within',
    trend: [],
    topReasons: [],
    netSentiment: null,
    feedbackItems: 0,
  })),
};

const paretoRows: ParetoRow[] = Array.from({ length: 8 }, (_, i) => ({
  reasonCode: `reason_${i}`,
  reasonLabel: `Reason ${i}`,
  category: 'product_quality',
  claims: 10 - i,
  share: 0.1,
  cumulativeShare: (i + 1) / 8,
}));

afterEach(() => setFormatLanguage('en'));

describe('the shared charts in Polish', () => {
  it('name the funnel plot’s axes, legend and series in Polish', () => {
    const option = buildFunnelOption(scorecard, tokens, polish);
    expect((option.xAxis as Axis).name).toBe('Sprzedane sztuki (skala logarytmiczna)');
    expect((option.yAxis as Axis).name).toBe('Wskaźnik wad');
    expect((option.legend as { data: string[] }).data).toEqual([
      'Powyżej granicy 99,8 %',
      'Powyżej granicy 95 %',
      'W granicach',
      'Poniżej dolnej granicy (lepiej)',
      'Granice 95 %',
      'Granice 99,8 %',
    ]);
    expect((option.series as Named[]).map((s) => s.name)).toContain('Wskaźnik ogółem');
  });

  it('write the funnel plot’s finding in Polish, numbers in Polish format', () => {
    setFormatLanguage('pl');
    expect(funnelHeadline(scorecard, polish)).toBe(
      'Wskaźnik wad dostawcy Kestrel Electronics (3,0%) przekracza granicę 99,8 % — 3,0× więcej niż ogółem (1,0%)',
    );
  });

  it('name the SLA attainment series and a target in Polish', () => {
    const option = buildAttainmentOption(
      [{ label: 'Zwrot ≤ 10 dni', met: 9, breached: 1, attainment: 0.9 }],
      tokens,
      undefined,
      polish,
    );
    expect((option.series as Named[])[0].name).toBe('Dotrzymanie');
    expect(formatTarget(240, polish)).toBe('10 dni');
    expect(formatTarget(24, polish)).toBe('24 godz.');
  });

  it('say the sentiment series in Polish', () => {
    const option = buildAspectDivergingOption(
      [
        {
          aspect: 'fit',
          label: 'Rozmiar',
          positive: 5,
          neutral: 2,
          negative: 8,
          netSentiment: -0.2,
        },
      ],
      tokens,
      polish,
    );
    expect((option.legend as { data: string[] }).data).toEqual([
      'Negatywne',
      'Neutralne',
      'Pozytywne',
    ]);
  });
});

describe('the shared charts in Russian', () => {
  it('write plural forms for 1, 2, 5 and 22 claims in a finding', () => {
    const agrees = (withText: number) =>
      mismatchHeadline({ withText, mismatched: 0, pairs: [] }, (code) => code, russian);
    expect([1, 2, 5, 22].map(agrees)).toEqual([
      'Текст совпадает с указанной причиной в 1 обращении, где он есть',
      'Текст совпадает с указанной причиной во всех 2 обращениях, где он есть',
      'Текст совпадает с указанной причиной во всех 5 обращениях, где он есть',
      'Текст совпадает с указанной причиной во всех 22 обращениях, где он есть',
    ]);
  });

  it('name the treemap’s rest and categories in the language given', () => {
    const tree = rootCauseTree(
      [{ ...paretoRows[0], units: 10, stated: 10, inferred: 0 }],
      {
        by: 'product',
        period: scorecard.period,
        columns: [{ key: 'P1', label: 'Widget' }],
        cells: [{ key: 'P1', reasonCode: 'reason_0', claims: 6 }],
      } as never,
      6,
      0.04,
      { category: () => 'Качество товара', otherProducts: 'прочие товары' },
    );
    expect(tree[0].name).toBe('Качество товара');
    expect(tree[0].children?.[0].children?.map((c) => c.name)).toEqual(['Widget', 'прочие товары']);
  });
});

describe('the shared charts in Hebrew, right to left', () => {
  it('follow the interface language', () => {
    setFormatLanguage('he');
    expect(isRightToLeft()).toBe(true);
    setFormatLanguage('pl');
    expect(isRightToLeft()).toBe(false);
  });

  it('run the weeks from the right, the value axis on the right, the legend aligned right', () => {
    const option = buildSentimentTrendOption(
      [
        { week: '2026-W01', positive: 3, neutral: 1, negative: 2, netSentiment: 0.1 },
        { week: '2026-W02', positive: 4, neutral: 0, negative: 1, netSentiment: 0.5 },
      ],
      tokens,
      hebrew,
    );
    const mirrored = layOutChart(option, { rtl: true, compact: false });
    expect((mirrored.xAxis as Axis).inverse).toBe(true);
    const [items, net] = mirrored.yAxis as Axis[];
    expect([items.name, items.position]).toEqual(['משובים', 'right']);
    expect([net.name, net.position]).toEqual(['סנטימנט נטו', 'left']);
    expect((mirrored.legend as { align: string }).align).toBe('right');
    expect((mirrored.tooltip as { extraCssText: string }).extraCssText).toContain('direction: rtl');
    expect((mirrored.series as Named[]).map((s) => s.name)).toEqual([
      'שליליים',
      'ניטרליים',
      'חיוביים',
      'סנטימנט נטו',
    ]);
    // The builder's own option is left as it was (left to right).
    expect((option.xAxis as Axis).inverse).toBeUndefined();
  });

  it('grow horizontal bars from the right, with their categories and labels on the right', () => {
    const option = buildAttainmentOption(
      [{ label: 'החזר', met: 9, breached: 1, attainment: 0.9 }],
      tokens,
      undefined,
      hebrew,
    );
    const mirrored = layOutChart(option, { rtl: true, compact: false });
    expect((mirrored.xAxis as Axis).inverse).toBe(true);
    expect((mirrored.yAxis as Axis).position).toBe('right');
    expect((mirrored.yAxis as Axis).inverse).toBe(true); // still top to bottom
    expect((mirrored.series as Named[])[0].label?.position).toBe('left');
    expect(mirrored.grid).toMatchObject({ left: 120, right: 8 });
    expect((mirrored.series as Named[])[0].name).toBe('עמידה ביעד');
  });

  it('leave a left-to-right chart on a wide screen as the builder made it', () => {
    const option = buildParetoOption(paretoRows, tokens);
    expect(layOutChart(option, { rtl: false, compact: false })).toBe(option);
  });
});

describe('charts on a phone', () => {
  const option = buildParetoOption(paretoRows, tokens, polish);
  const compact = layOutChart(option, { rtl: false, compact: true });

  it('turn bars with long labels sideways: reasons down the side, the first on top', () => {
    const reasons = compact.yAxis as Axis & { type: string; data: string[] };
    expect(reasons.type).toBe('category');
    expect(reasons.inverse).toBe(true);
    expect(reasons.data[0]).toBe('Reason 0');
    expect(reasons.axisLabel?.rotate).toBeUndefined();
    // Every reason keeps its label: one line each.
    expect(reasons.axisLabel?.interval).toBe(0);
    const [claims, cumulative] = compact.xAxis as (Axis & { type: string })[];
    expect([claims.type, claims.position, claims.name]).toEqual(['value', 'bottom', 'Zgłoszenia']);
    expect([cumulative.position, cumulative.splitNumber]).toEqual(['top', undefined]);
    expect(claims.splitNumber).toBe(3);
    const [bars, line] = compact.series as (Named & {
      xAxisIndex?: number;
      yAxisIndex?: number;
      markLine?: { data: unknown[] };
    })[];
    expect(bars.label?.position).toBe('right');
    expect([line.xAxisIndex, line.yAxisIndex]).toEqual([1, undefined]);
    expect(line.markLine?.data).toEqual([{ xAxis: 80 }]);
    // On a wide screen it stays as built: vertical bars, every reason labelled.
    expect((option.xAxis as Axis).axisLabel?.interval).toBe(0);
    expect((option.yAxis as Axis[])[0].name).toBe('Zgłoszenia');
  });

  it('mirror the sideways bars in Hebrew: they grow from the right', () => {
    const both = layOutChart(buildParetoOption(paretoRows, tokens, hebrew), {
      rtl: true,
      compact: true,
    });
    expect((both.yAxis as Axis).position).toBe('right');
    expect((both.xAxis as Axis[]).map((axis) => axis.inverse)).toEqual([true, true]);
  });

  it('thin out and cut rotated labels of charts with categories on both axes', () => {
    const heatmap = layOutChart(
      {
        xAxis: {
          type: 'category',
          data: Array.from({ length: 12 }, (_, i) => `Supplier ${i}`),
          axisLabel: { interval: 0, rotate: 35 },
        },
        yAxis: { type: 'category', data: ['Wrong size'] },
        series: [{ type: 'heatmap', data: [] }],
      },
      { rtl: false, compact: true },
    );
    expect((heatmap.xAxis as Axis).axisLabel).toMatchObject({
      interval: 'auto',
      hideOverlap: true,
      rotate: 45,
      width: 80,
      overflow: 'truncate',
    });
  });
});
