import { classF1, score, setF1 } from './metrics';

describe('score', () => {
  it('computes accuracy and macro-F1 by hand', () => {
    // gold a a b b c; predicted a b b b a
    const s = score([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['b', 'b'],
      ['c', 'a'],
    ]);
    expect(s.accuracy).toBeCloseTo(3 / 5);
    // a: P=1/2 R=1/2 F=0.5; b: P=2/3 R=1 F=0.8; c: P=0 R=0 F=0
    expect(s.perClass.get('a')?.f1).toBeCloseTo(0.5);
    expect(s.perClass.get('b')?.f1).toBeCloseTo(0.8);
    expect(s.macroF1).toBeCloseTo((0.5 + 0.8 + 0) / 3);
  });

  it('scores one class over a mixed set', () => {
    expect(
      classF1(
        [
          ['en', 'en'],
          ['de', 'en'],
          ['en', 'und'],
        ],
        'en',
      ),
    ).toBeCloseTo(0.5);
  });

  it('micro-averages set predictions', () => {
    const r = setF1([[new Set(['x', 'y']), new Set(['x', 'z'])]]);
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.5);
  });
});
