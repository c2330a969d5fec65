import iconv from 'iconv-lite';
import { detectDelimiter, detectEncoding } from './csv-reader';

const SAMPLES: ReadonlyArray<[string, string]> = [
  [
    'windows-1251',
    'Номер;Комментарий\n1;Перестал работать через три дня, верните деньги\n2;Служба поддержки не отвечает на письма\n',
  ],
  [
    'windows-1250',
    'Numer;Opis\n1;Zepsuł się po trzech dniach\n2;Paczka była zgnieciona, obudowa pęknięta\n',
  ],
  [
    'windows-1252',
    'Nr;Beschreibung\n1;Größe passt nicht, bitte Rückerstattung\n2;Déjà cassé après deux jours, très déçu\n',
  ],
  [
    'windows-1255',
    'מספר;תיאור\n1;המכשיר הפסיק לעבוד אחרי שלושה ימים\n2;שירות הלקוחות לא עונה למיילים\n',
  ],
];

describe('detectEncoding', () => {
  it.each(SAMPLES)('recognises %s', (encoding, text) => {
    expect(detectEncoding(iconv.encode(text, encoding))).toBe(encoding);
  });

  it('prefers UTF-8 when the bytes are valid UTF-8, with or without BOM', () => {
    expect(detectEncoding(Buffer.from('a;b\nżółć;Größe\n'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('\uFEFFa;b\n1;2\n'))).toBe('utf-8');
  });

  it('ignores a UTF-8 character cut at the end of the sample', () => {
    const bytes = Buffer.from('a;b\n1;żółć');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('single')).toBe(',');
  });
});
