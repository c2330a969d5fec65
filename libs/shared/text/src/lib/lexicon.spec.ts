import { baseOf, hebrewVariants, Lexicon, withinOneEdit } from './lexicon';
import { tokenize } from './tokenize';

describe('Lexicon', () => {
  const lexicon = new Lexicon<number>([
    ['отличн*', 3],
    ['не рекомендую', -3],
    ['рекомендую', 2],
    ['stopped working', -3],
  ]);

  it('matches stems, whole words and phrases, preferring the longest', () => {
    const matches = lexicon.bestMatches(tokenize('Отличная вещь, но не рекомендую').tokens);
    expect(matches.map((m) => m.entry.source)).toEqual(['отличн*', 'не рекомендую']);
  });

  it('allows a gap inside a phrase within one sentence only', () => {
    expect(lexicon.bestMatches(tokenize('it stopped completely working').tokens, 1)).toHaveLength(
      1,
    );
    expect(lexicon.bestMatches(tokenize('it stopped. Working again').tokens, 1)).toHaveLength(0);
  });

  it('tries Hebrew words without their prefix letters, keeping three letters', () => {
    const variants = hebrewVariants('והבלמשכ');
    expect(variants('והמשלוח')).toEqual(['והמשלוח', 'המשלוח', 'משלוח', 'שלוח']);
    expect(variants('מוצר')).toEqual(['מוצר', 'וצר']);
  });

  it('counts one insertion, deletion, substitution or adjacent swap as one edit', () => {
    expect(withinOneEdit('соответсвует', 'соответствует')).toBe(true);
    expect(withinOneEdit('recieve', 'receive')).toBe(true);
    expect(withinOneEdit('qualty', 'quality')).toBe(true);
    expect(withinOneEdit('broken', 'brocken')).toBe(true);
    expect(withinOneEdit('broken', 'brakes')).toBe(false);
  });

  it('cuts the longest ending, keeping four letters, and a long suffix with its ending', () => {
    const pt = ['mente', 'inho', 'os', 'as', 'a', 'o', 'e', 's'];
    expect(baseOf('lindos', pt)).toBe('lind');
    expect(baseOf('rapidamente', pt)).toBe('rapid');
    expect(baseOf('quentinho', pt)).toBe('quent');
    expect(baseOf('casa', pt)).toBe('casa');
  });

  describe('reach beyond the written forms', () => {
    const reaching = new Lexicon<number>(
      [
        ['disappointed', -2],
        ['enttäuschend', -2],
        ['zuverlässig*', 2],
        ['schönes', 2],
        ['linda', 2],
      ],
      undefined,
      {
        endings: ['en', 'es', 'e', 'os', 'a', 'o', 's'],
        typos: true,
        ignore: new Set(['schon']),
      },
    );
    const sources = (text: string) =>
      reaching.bestMatches(tokenize(text).tokens).map((m) => m.entry.source);

    it('matches other forms of a whole word by their base', () => {
      expect(sources('enttäuschenden')).toEqual(['enttäuschend']);
      expect(sources('lindos')).toEqual(['linda']);
    });

    it('forgives one typo in a long word or stem, and two slips in a very long word', () => {
      expect(sources('dissapointed')).toEqual(['disappointed']);
      expect(sources('zuverläsig')).toEqual(['zuverlässig*']);
    });

    it('never reads a known word of the language, a short word or another first letter as a typo', () => {
      expect(sources('schon')).toEqual([]);
      expect(sources('lind')).toEqual([]);
      expect(sources('misappointed')).toEqual([]);
    });

    it('keeps to written forms when asked (language detection)', () => {
      expect(reaching.matchesAt(tokenize('lindos').tokens, 0, 0, false)).toEqual([]);
    });
  });
});
