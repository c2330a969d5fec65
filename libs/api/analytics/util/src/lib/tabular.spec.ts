import { tableFromIPC } from 'apache-arrow';
import { flattenRow, pickTable, toArrow, toCsv } from './tabular';

describe('tabular exports', () => {
  it('flattens nested objects and keeps arrays as JSON', () => {
    expect(flattenRow({ a: 1, ci: { lower: 0.1, upper: 0.2 }, trend: [1, 2], n: null })).toEqual({
      a: 1,
      'ci.lower': 0.1,
      'ci.upper': 0.2,
      trend: '[1,2]',
      n: null,
    });
  });

  it('picks the named table or the first list of records', () => {
    const body = { period: { from: 'x' }, rows: [{ a: 1 }], other: [{ b: 2 }] };
    expect(pickTable(body)).toEqual([{ a: 1 }]);
    expect(pickTable(body, 'other')).toEqual([{ b: 2 }]);
    expect(() => pickTable(body, 'nope')).toThrow('its tables are rows, other');
  });

  it('writes CSV with a BOM, quoted where needed, formulas neutralised, numbers left as numbers', () => {
    const csv = toCsv([
      { name: '=SUM(A1:A9)', note: 'a, b', n: 3 },
      { name: '+1', note: '-2+3', n: -2 },
    ]);
    expect(csv).toBe("\uFEFFname,note,n\r\n'=SUM(A1:A9),\"a, b\",3\r\n'+1,'-2+3,-2\r\n");
  });

  it('writes an Arrow IPC stream with numbers as numbers', () => {
    const table = tableFromIPC(
      toArrow([
        { k: 'a', v: 1.5 },
        { k: 'b', v: null },
      ]),
    );
    expect(table.numRows).toBe(2);
    expect(table.getChild('k')!.toArray()).toEqual(['a', 'b']);
    expect(table.getChild('v')!.get(0)).toBe(1.5);
  });
});
