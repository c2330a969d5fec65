import { acceptedLanguage, MessageCatalog } from './catalog';

describe('MessageCatalog', () => {
  const catalog = new MessageCatalog(
    {
      claims: '{count, plural, one {# claim} other {# claims}}',
      greeting: 'Hello, {name}',
      only: 'English only',
    },
    {
      pl: {
        claims:
          '{count, plural, one {# reklamacja} few {# reklamacje} many {# reklamacji} other {# reklamacji}}',
        greeting: 'Dzień dobry, {name}',
      },
      ru: {
        claims:
          '{count, plural, one {# претензия} few {# претензии} many {# претензий} other {# претензии}}',
      },
    },
  );

  it('writes plural forms by each language’s rules (1, 2, 5, 22)', () => {
    expect([1, 2, 5, 22].map((count) => catalog.format('pl', 'claims', { count }))).toEqual([
      '1 reklamacja',
      '2 reklamacje',
      '5 reklamacji',
      '22 reklamacje',
    ]);
    expect([1, 2, 5, 22].map((count) => catalog.format('ru', 'claims', { count }))).toEqual([
      '1 претензия',
      '2 претензии',
      '5 претензий',
      '22 претензии',
    ]);
    expect(catalog.format('en', 'claims', { count: 1 })).toBe('1 claim');
  });

  it('falls back to English for a missing message, and to the key for an unknown one', () => {
    expect(catalog.format('pl', 'only')).toBe('English only');
    expect(catalog.format('he', 'greeting', { name: 'Ada' })).toBe('Hello, Ada');
    expect(catalog.format('pl', 'nope')).toBe('nope');
    expect(catalog.has('greeting')).toBe(true);
    expect(catalog.has('nope')).toBe(false);
  });

  it('binds a language', () => {
    expect(catalog.in('pl')('greeting', { name: 'Ola' })).toBe('Dzień dobry, Ola');
  });
});

describe('acceptedLanguage', () => {
  it('takes the first spoken language by quality, region stripped', () => {
    expect(acceptedLanguage('pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl');
    expect(acceptedLanguage('fr-FR, he;q=0.5, en;q=0.4')).toBe('he');
    expect(acceptedLanguage('en;q=0.2, ru;q=0.9')).toBe('ru');
    expect(acceptedLanguage('fr, it')).toBeNull();
    expect(acceptedLanguage('*')).toBeNull();
    expect(acceptedLanguage('de;q=0')).toBeNull();
    expect(acceptedLanguage(undefined)).toBeNull();
  });
});
