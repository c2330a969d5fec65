import { IntlMessageFormat } from 'intl-messageformat';
import { flattenMessages, formatMessage, translationProblems } from '@returnlens/shared/i18n';
import { composeOwner, type DigestBase } from '../digest/compose';
import { KESTREL, report } from '../digest/digest.fixtures';
import { renderHtml, renderText } from '../digest/render';
import { renderAlertMessage, type AlertMessageInput } from '../alerts/alert-message';
import { NOTIFY_MESSAGES } from './en';
import { notifyText, NOTIFY_TRANSLATIONS } from './notify-text';

/** Messages every language writes the same: layouts of values and names. */
const SAME = [
  '{shop} · {role} · {period} — {summary}',
  '{name}: {week}:',
  '{metric}, {kind}',
  '{label}: {value} {when} ({moved}){evidence}',
  '{label}: {value} {when} ({moved}, {test}){evidence}',
  'SLA {policy}',
  'in {week}',
  'Marketplace',
  'Chat',
];

const ENGLISH = flattenMessages(NOTIFY_MESSAGES);
const LANGUAGES = Object.keys(NOTIFY_TRANSLATIONS) as (keyof typeof NOTIFY_TRANSLATIONS)[];

interface AstNode {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstNode[] }>>;
}

/** Every plural argument of a message with the forms it names (`count` → one, few, many, other). */
function pluralForms(message: string, lang: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (nodes: readonly AstNode[]) => {
    for (const node of nodes) {
      // 6: a plural argument (FormatJS's TYPE.plural).
      if (node.type === 6) found.set(String(node.value), Object.keys(node.options ?? {}));
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, lang).getAst() as unknown as AstNode[]);
  return found;
}

describe('notify messages', () => {
  it.each(LANGUAGES)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, NOTIFY_MESSAGES, NOTIFY_TRANSLATIONS[lang], SAME)).toEqual([]);
  });

  it.each(['ru', 'pl', 'uk'] as const)(
    '%s: every plural names the one, few and many forms',
    (lang) => {
      const translated = flattenMessages(NOTIFY_TRANSLATIONS[lang]);
      const incomplete: string[] = [];
      for (const [key, message] of Object.entries(translated))
        for (const [argument, forms] of pluralForms(message, lang))
          if (!['one', 'few', 'many', 'other'].every((form) => forms.includes(form)))
            incomplete.push(`${key} {${argument}}: ${forms.join(', ')}`);
      expect(incomplete).toEqual([]);
    },
  );

  it('he: every plural names the one, two and other forms', () => {
    const translated = flattenMessages(NOTIFY_TRANSLATIONS.he);
    for (const [key, message] of Object.entries(translated))
      for (const [argument, forms] of pluralForms(message, 'he'))
        expect(
          `${key} {${argument}}: ${['one', 'two', 'other'].every((f) => forms.includes(f))}`,
        ).toBe(`${key} {${argument}}: true`);
  });

  it('writes Polish, Russian and Ukrainian counts in their plural forms (1, 2, 5, 22)', () => {
    const forms = (lang: 'pl' | 'ru' | 'uk', key: string) =>
      [1, 2, 5, 22].map((count) =>
        formatMessage(lang, flattenMessages(NOTIFY_TRANSLATIONS[lang])[key], { count }),
      );
    expect(forms('pl', 'owner.movers')).toEqual([
      '1 istotna zmiana',
      '2 istotne zmiany',
      '5 istotnych zmian',
      '22 istotne zmiany',
    ]);
    expect(forms('pl', 'mover.events.defect_rate')).toEqual([
      '1 wadliwa sztuka',
      '2 wadliwe sztuki',
      '5 wadliwych sztuk',
      '22 wadliwe sztuki',
    ]);
    expect(forms('ru', 'manager.breaches')).toEqual([
      '1 новое нарушение',
      '2 новых нарушения',
      '5 новых нарушений',
      '22 новых нарушения',
    ]);
    expect(forms('uk', 'buyer.summary')).toEqual([
      '1 постачальник потребує уваги',
      '2 постачальники потребують уваги',
      '5 постачальників потребують уваги',
      '22 постачальники потребують уваги',
    ]);
  });

  it('falls back to English for a language it does not speak', () => {
    expect(notifyText('fr').language).toBe('en');
    expect(notifyText(null).t('role.owner')).toBe(ENGLISH['role.owner']);
  });
});

const base = (language: DigestBase['language']): DigestBase => ({
  publicUrl: 'https://returns.example.com',
  filters: { channel: ['email', 'web_form'] },
  unsubscribeUrl: 'https://returns.example.com/api/unsubscribe/tok123',
  language,
});

describe('the owner digest in Polish', () => {
  const owner = composeOwner(report(), base('pl'));

  it('has a Polish subject, headline and title', () => {
    expect(owner.subject).toBe(
      'Returnlens (returns.example.com) · Podsumowanie właściciela · 2026-W48 — 1 istotna zmiana',
    );
    expect(owner.headline).toBe('1 istotna zmiana w 2026-W48.');
    expect(owner.title).toBe('Tydzień 48, 2026');
    expect(owner.kicker).toBe('Podsumowanie właściciela');
  });

  it('writes the movers sentence in Polish with Polish numbers and plural forms', () => {
    expect(owner.items).toEqual([
      'Kestrel Electronics: wskaźnik wad 3,1% wobec 1,2% (q = 0,003), 45 wadliwych sztuk w tym tygodniu wobec średnio 14,5 tygodniowo w 8 poprzednich tygodniach, głównie wada produktu',
    ]);
    const two = composeOwner(
      report({
        movers: [KESTREL, { ...KESTREL, key: 'SUP-009', label: 'Osprey Audio', count: 2 }],
      }),
      base('pl'),
    );
    expect(two.subject).toMatch(/ — 2 istotne zmiany$/);
    expect(two.items[1]).toContain('2 wadliwe sztuki w tym tygodniu');
    const five = composeOwner(
      report({ movers: Array.from({ length: 5 }, (_, i) => ({ ...KESTREL, key: `S${i}` })) }),
      base('pl'),
    );
    expect(five.subject).toMatch(/ — 5 istotnych zmian$/);
  });

  it('names the sections, filters, links and unsubscribe in Polish', () => {
    const text = renderText(owner);
    expect(text).toContain('23–29 lis 2026 · Kanał: E-mail, Formularz');
    expect(text).toContain('ISTOTNE ZMIANY');
    expect(text).toContain(
      'Otrzymane zgłoszenia: 512 wobec średnio 480,3 tygodniowo w 4 poprzednich tygodniach (+31,8, +6,6%), w granicach normalnej zmienności (p = 0,210)',
    );
    expect(text).toContain('Otwórz raport tygodniowy: https://returns.example.com/weekly?');
    expect(text).toContain('Wypisz się: https://returns.example.com/api/unsubscribe/tok123');
    const html = renderHtml(owner);
    expect(html).toContain('<html lang="pl" dir="ltr">');
    expect(html).toContain('Otrzymujesz podsumowanie właściciela, ponieważ');
    expect(html).not.toMatch(/Owner digest|Unsubscribe|Significant movers/);
  });
});

describe('the owner digest in Hebrew', () => {
  const owner = composeOwner(report(), base('he'));
  const html = renderHtml(owner);

  it('is marked right to left, on the document and on the layout table', () => {
    expect(html).toContain('<html lang="he" dir="rtl">');
    expect(html).toMatch(/<table [^>]*dir="rtl" style="[^"]*direction:rtl;text-align:right;/);
    // The headline's bar is on the start side: the right.
    expect(html).toMatch(/data-testid="digest-headline"/);
    expect(html).toContain('border-right:4px solid');
    expect(html).not.toContain('border-left:4px solid');
    expect(html).toContain('תקציר בעלים');
  });

  it('isolates Latin names and weeks inside the Hebrew sentences', () => {
    expect(owner.items[0]).toContain('\u2068Kestrel Electronics\u2069');
    expect(owner.headline).toBe('\u2068תנועה משמעותית אחת\u2069 ב־\u20682026-W48\u2069.');
  });

  it('English stays left to right', () => {
    expect(renderHtml(composeOwner(report(), base(undefined)))).toContain(
      '<html lang="en" dir="ltr">',
    );
  });
});

describe('alert messages in the owner’s language', () => {
  const input: AlertMessageInput = {
    ruleName: 'Kestrel watch',
    metric: 'defect_rate',
    kind: 'control_limit',
    filters: { channel: ['email'] },
    quietHours: 24,
    period: '2026-W47:SUP-4',
    week: '2026-W47',
    sentence: 'Defect rate of Kestrel Electronics: 3.1 % over 2026-W36 – 2026-W47',
    link: 'https://rl.example/suppliers/SUP-4',
    unsubscribeUrl: 'https://rl.example/api/unsubscribe/tok',
    at: new Date('2026-11-30T08:00:00Z'),
  };

  it('writes the subject, the frame and the webhook text in Polish', () => {
    const message = renderAlertMessage({ ...input, language: 'pl' });
    expect(message.subject).toBe('Alert Returnlens: Kestrel watch (2026-W47)');
    expect(message.text).toContain('Zobacz w panelu: https://rl.example/suppliers/SUP-4');
    expect(message.text).toContain(
      'Reguła „Kestrel watch”: Odsetek wad dostawcy, dostawca powyżej swojej granicy kontrolnej 99,8 %; filtry: Kanał E-mail.',
    );
    expect(message.text).toContain('Wyłącz te alerty: https://rl.example/api/unsubscribe/tok');
    expect(message.html).toContain('<html lang="pl" dir="ltr">');
    expect(message.payload.text.split('\n')[0]).toBe(message.subject);
  });

  it('marks a Hebrew alert right to left', () => {
    const message = renderAlertMessage({ ...input, language: 'he' });
    expect(message.html).toContain('<html lang="he" dir="rtl">');
    expect(message.html).toContain('border-right:4px solid #b42318');
    expect(message.subject).toContain('התראת Returnlens');
  });

  it('keeps English when no language is given', () => {
    expect(renderAlertMessage(input).subject).toBe('Returnlens alert: Kestrel watch (2026-W47)');
  });
});
