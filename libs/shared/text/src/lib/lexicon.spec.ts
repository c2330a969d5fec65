import { hebrewVariants, Lexicon } from './lexicon';
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
});
