import type { ParetoResult, ReasonMatrix } from '@returnlens/shared/contracts';
import {
  buildReasonHeatmapOption,
  buildRootCauseTreemapOption,
  buildStatedInferredOption,
  heatmapHeadline,
  mismatchHeadline,
  rootCauseTree,
  statedInferredHeadline,
} from './root-cause-options';
import { CATEGORY_COLORS, DESIGN_TOKENS } from './tokens';

const period = {
  timeZone: 'UTC',
  from: { week: '2026-W01', start: '', end: '' },
  to: { week: '2026-W12', start: '', end: '' },
  weeks: [],
  source: 'rollup' as const,
};
const row = (
  reasonCode: string,
  reasonLabel: string,
  category: string,
  claims: number,
  inferred: number,
) => ({
  reasonCode,
  reasonLabel,
  category,
  claims,
  units: claims,
  share: 0,
  cumulativeShare: 0,
  stated: claims - inferred,
  inferred,
});
const rows: ParetoResult['rows'] = [
  row('product_defect', 'Product defect', 'product_quality', 10, 4),
  row('wrong_size', 'Wrong size', 'listing_accuracy', 6, 0),
  row('missing_parts', 'Missing parts', 'product_quality', 2, 2),
];

function cell(reasonCode: string, key: string, label: string, claims: number) {
  return {
    reasonCategory: 'product_quality',
    reasonCode,
    reasonLabel: reasonCode,
    key,
    label,
    claims,
    units: claims,
  };
}

const bySupplier: ReasonMatrix = {
  period,
  by: 'supplier',
  reasons: ['product_defect', 'wrong_size'],
  columns: [
    { key: 'S1', label: 'Kestrel' },
    { key: 'S2', label: 'Heron' },
  ],
  cells: [
    cell('product_defect', 'S1', 'Kestrel', 8),
    cell('product_defect', 'S2', 'Heron', 2),
    cell('wrong_size', 'S2', 'Heron', 6),
  ],
};
/** The same matrix with 10× the claims (160): enough for a headline. */
const bySupplier10: ReasonMatrix = {
  ...bySupplier,
  cells: bySupplier.cells.map((c) => ({ ...c, claims: c.claims * 10, units: c.units * 10 })),
};
const label = (code: string) => rows.find((r) => r.reasonCode === code)?.reasonLabel ?? code;

describe('buildReasonHeatmapOption', () => {
  const option = buildReasonHeatmapOption(bySupplier, label, DESIGN_TOKENS.light);
  const data = (
    option.series as { data: { value: number[]; target: object; label: { color: string } }[] }[]
  )[0].data;

  it('puts suppliers and reasons largest first, with the count in every cell', () => {
    // Heron has 8 claims, Kestrel 8: ties keep the API order; product defect (10) before wrong size (6).
    expect((option.yAxis as { data: string[] }).data).toEqual(['Product defect', 'Wrong size']);
    expect(data).toHaveLength(3);
    expect(data.map((d) => d.value[2]).sort()).toEqual([2, 6, 8]);
    expect((option.series as { label: { show: boolean } }[])[0].label.show).toBe(true);
  });

  it('carries the filters a click sets: the reason and the supplier', () => {
    expect(data.find((d) => d.value[2] === 8)?.target).toEqual({
      reason: 'product_defect',
      supplier: 'S1',
    });
  });

  it('writes dark cells in white for contrast', () => {
    expect(data.find((d) => d.value[2] === 8)?.label.color).toBe('#ffffff');
    expect(data.find((d) => d.value[2] === 2)?.label.color).toBe(DESIGN_TOKENS.light.text);
  });

  it('states the largest cell and its share of the supplier', () => {
    expect(heatmapHeadline(bySupplier10, label)).toBe(
      'Kestrel × Product defect is the largest cell: 80 claims, 100.0% of all claims of Kestrel',
    );
  });

  it('states no finding from fewer than 30 claims (8 + 2 + 6 = 16)', () => {
    expect(heatmapHeadline(bySupplier, label, { filters: 'Channel: Email' })).toBe(
      'Only 16 claims (Channel: Email): too few for a finding (a headline needs 30)',
    );
  });
});

describe('rootCauseTree', () => {
  const products: ReasonMatrix = {
    period,
    by: 'product',
    reasons: ['product_defect'],
    columns: [{ key: 'SKU-1', label: 'Kettle' }],
    cells: [cell('product_defect', 'SKU-1', 'Kettle', 7)],
  };

  it('nests category → reason → product, with the remainder as other products', () => {
    const tree = rootCauseTree(rows, products, 6, 0.05);
    expect(tree.map((n) => [n.name, n.value])).toEqual([
      ['Product quality', 12],
      ['Listing accuracy', 6],
    ]);
    expect(tree[0].itemStyle?.color).toBe(CATEGORY_COLORS.product_quality);
    const defect = tree[0].children?.[0];
    expect(defect?.target).toEqual({ reason: 'product_defect' });
    expect(defect?.children?.map((c) => [c.name, c.value, c.target])).toEqual([
      ['Kettle', 7, { reason: 'product_defect', product: 'SKU-1' }],
      ['other products', 3, { reason: 'product_defect' }],
    ]);
    // A product below the share threshold does not split its reason.
    expect(rootCauseTree(rows, products, 6, 0.8)[0].children?.[0].children).toBeUndefined();
    expect(defect?.children?.map((c) => c.name)).toEqual(['Kettle', 'other products']);
  });

  it('builds a treemap that does not zoom on click (a click filters)', () => {
    const option = buildRootCauseTreemapOption(rows, products, DESIGN_TOKENS.dark);
    expect((option.series as { type: string; nodeClick: boolean }[])[0]).toMatchObject({
      type: 'treemap',
      nodeClick: false,
    });
  });
});

describe('stated vs inferred', () => {
  it('stacks stated and inferred claims per reason', () => {
    const option = buildStatedInferredOption(rows, DESIGN_TOKENS.light);
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Stated by the shop', [6, 6, 0]],
      ['Inferred from the text', [4, 0, 2]],
    ]);
  });

  it('states the inferred share, of the filtered claims on a filtered page', () => {
    // 10× the rows: 60 of 180 claims inferred
    const many = rows.map((r) => ({ ...r, claims: r.claims * 10, inferred: r.inferred * 10 }));
    expect(statedInferredHeadline(many)).toBe(
      '33.3% of claims had no stated reason and were read from their text; most often Product defect',
    );
    expect(statedInferredHeadline(many, { filters: 'Supplier: S1' })).toBe(
      '33.3% of the claims of Supplier: S1 had no stated reason and were read from their text; most often Product defect',
    );
    expect(statedInferredHeadline(rows)).toBe(
      'Only 18 claims: too few for a finding (a headline needs 30)',
    );
  });
});

describe('mismatchHeadline', () => {
  const label = (code: string) =>
    ({ wrong_size: 'Wrong size', product_defect: 'Product defect' })[code] ?? code;

  it('counts the claims whose text reads as another reason and names the commonest pair', () => {
    expect(
      mismatchHeadline(
        {
          withText: 200,
          mismatched: 30,
          pairs: [
            { stated: 'wrong_size', inferred: 'product_defect', claims: 5 },
            { stated: 'product_defect', inferred: 'wrong_size', claims: 25 },
          ],
        },
        label,
      ),
    ).toBe(
      '30 of 200 claims with text (15.0%) read as another reason; most often Product defect → Wrong size',
    );
  });

  it('says when there is nothing to compare or nothing disagrees', () => {
    expect(mismatchHeadline({ withText: 0, mismatched: 0, pairs: [] }, label)).toBe(
      'No claims with both a stated reason and a text in this period',
    );
    expect(mismatchHeadline({ withText: 12, mismatched: 0, pairs: [] }, label)).toBe(
      'The text agrees with the stated reason in all 12 claims that have one',
    );
  });
});
