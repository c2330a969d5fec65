import {
  currentFormatLocale,
  formatCount,
  formatDateRange,
  formatDuration,
  formatMoney,
  formatShare,
  formatSignedShare,
  formatWeek,
  setFormatLanguage,
} from './format';

/** Intl writes narrow no-break spaces (U+202F) and no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f]/g, '');

describe('formats in the interface language', () => {
  afterEach(() => setFormatLanguage('en'));

  it('writes numbers, shares and money the Polish way', () => {
    setFormatLanguage('pl');
    expect(currentFormatLocale()).toBe('pl-PL');
    expect(plain(formatCount(1234567))).toBe('1 234 567');
    expect(plain(formatShare(0.1875))).toBe('18,8%');
    expect(plain(formatSignedShare(-0.021))).toBe('\u22122,1%');
    expect(plain(formatMoney(15225, 'PLN'))).toBe('15 225 zł');
    expect(plain(formatMoney(-15225, 'EUR'))).toBe('\u221215 225 €');
    expect(formatWeek('2026-W07')).toBe('Tydzień 7, 2026');
    expect(plain(formatDuration(5.25))).toBe('5 godz. 15 min');
    expect(plain(formatDateRange('2026-11-16', '2026-11-22'))).toBe('16–22 lis 2026');
  });

  it('writes rubles, shekels and euros where Russian, Hebrew and German put them', () => {
    setFormatLanguage('ru');
    expect(plain(formatMoney(15225, 'RUB'))).toBe('15 225 ₽');
    expect(plain(formatShare(0.1875))).toBe('18,8 %');
    expect(plain(formatDuration(5.25))).toBe('5 ч 15 мин');
    setFormatLanguage('he');
    expect(plain(formatMoney(15225, 'ILS'))).toBe('15,225 ₪');
    setFormatLanguage('de');
    expect(plain(formatCount(1234567))).toBe('1.234.567');
    expect(plain(formatMoney(15225, 'EUR'))).toBe('15.225 €');
    expect(formatWeek('2026-W48')).toBe('Woche 48, 2026');
    setFormatLanguage('uk');
    expect(plain(formatMoney(15225, 'EUR'))).toBe('15 225 €');
    setFormatLanguage('es');
    expect(plain(formatShare(0.1875))).toBe('18,8 %');
  });

  it('keeps English as it was, whatever the browser’s locale', () => {
    setFormatLanguage('en');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatShare(0.1875)).toBe('18.8%');
    expect(formatMoney(15225, 'EUR')).toBe('€15,225');
    expect(formatWeek('2026-W07')).toBe('Week 7, 2026');
    expect(formatDuration(5.25)).toBe('5 h 15 min');
    expect(formatDuration(52)).toBe('2 d 4 h');
    expect(formatDateRange('2026-11-16', '2026-11-22')).toBe('16–22 Nov 2026');
    // An explicit locale still wins.
    expect(plain(formatCount(1234567, 'de-DE'))).toBe('1.234.567');
  });
});
