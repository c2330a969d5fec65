import { foldWord, tokenize, typedStars } from './tokenize';

describe('foldWord', () => {
  it('folds diacritics, German umlaut spellings, ё and Hebrew finals', () => {
    expect(foldWord('jakość')).toBe('jakosc');
    expect(foldWord('qualität')).toBe(foldWord('qualitaet'));
    expect(foldWord('qualität')).toBe(foldWord('qualitat'));
    expect(foldWord('ещё')).toBe('еще');
    expect(foldWord('ממליץ')).toBe('ממליצ');
    expect(foldWord('שָׁלוֹם')).toBe('שלומ');
  });
});

describe('tokenize', () => {
  it('splits sentences and clauses and keeps emoji and emoticons', () => {
    const t = tokenize('Great, it broke! Never again 😡 :(');
    expect(t.tokens.map((x) => x.raw)).toEqual([
      'great',
      'it',
      'broke',
      'never',
      'again',
      '😡',
      ':(',
    ]);
    expect(t.tokens.map((x) => x.sentence)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(t.tokens[0].clause).not.toBe(t.tokens[1].clause);
    expect(t.exclamations[0]).toBe(1);
  });

  it('marks words inside quotation marks', () => {
    const t = tokenize('so-called "premium quality" plastic');
    expect(t.tokens.filter((x) => x.quoted).map((x) => x.raw)).toEqual(['premium', 'quality']);
  });

  it("keeps apostrophes and hyphens inside words, and Russian ')))' smileys", () => {
    const t = tokenize("don't точь-в-точь e-mail, доволен)))");
    expect(t.tokens.map((x) => x.raw)).toEqual([
      "don't",
      'точь-в-точь',
      'e-mail',
      'доволен',
      ')))',
    ]);
    expect(t.tokens[3].kind).toBe('word');
    expect(t.tokens[4].kind).toBe('emoji');
  });
});

describe('typedStars', () => {
  it('reads a star rating typed with symbols', () => {
    expect(typedStars('1* would not buy again')).toBe(1);
    expect(typedStars('Kettle 4 ★')).toBe(4);
    expect(typedStars('★★★☆☆ fine')).toBe(3);
    expect(tokenize('★★★★★ love it').stars).toBe(5);
  });

  it('ignores numbers that are not ratings', () => {
    expect(typedStars('2*3 = 6')).toBeNull();
    expect(typedStars('size 42')).toBeNull();
    expect(typedStars('10/10')).toBeNull();
  });
});
