import { normalizeLanguageTag } from './language-tag';

describe('normalizeLanguageTag', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['pt_BR', 'pt'],
    ['EN', 'en'],
    ['iw', 'he'],
    ['German', 'de'],
    ['Deutsch', 'de'],
    ['русский', 'ru'],
    ['עברית', 'he'],
    ['  Polski ', 'pl'],
  ])('reads %s as %s', (value, code) => {
    expect(normalizeLanguageTag(value)).toBe(code);
  });

  it.each([[''], [null], ['Klingon'], ['12']])('gives null for %s', (value) => {
    expect(normalizeLanguageTag(value)).toBeNull();
  });
});
