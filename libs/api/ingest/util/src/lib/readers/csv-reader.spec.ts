import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { detectDelimiter, detectEncoding, looksBinary, readCsv, utf8Balance } from './csv-reader';

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

describe('detectEncoding on one short row under an English header', () => {
  // The header and codes outweigh one row of text in chardet's letter statistics.
  it.each([
    ['windows-1251', 'Перестал работать через три дня, верните деньги пожалуйста'],
    ['windows-1250', 'Zepsuł się po trzech dniach, proszę o zwrot pieniędzy, żółć'],
    ['windows-1250', 'Kierowca dzwonił domofonem o 6 rano'],
    ['windows-1252', 'Nach drei Tagen kaputt, bitte Rückerstattung, Größe passt nicht'],
    ['windows-1255', 'המכשיר הפסיק לעבוד אחרי שלושה ימים, אני רוצה החזר כספי'],
  ])('recognises %s: %s', (encoding, text) => {
    const csv = `Ticket,Type,Channel,Date received,Comment\nE-1,return,email,2026-03-01,"${text}"\n`;
    expect(detectEncoding(iconv.encode(csv, encoding))).toBe(encoding);
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

describe('detectEncoding on a UTF-8 file with a row from another encoding', () => {
  it('stays with UTF-8, so only that row is unreadable (not every other row garbled)', () => {
    const mixed = Buffer.concat([
      Buffer.from('id;text\n1;Zepsuł się po trzech dniach\n'),
      iconv.encode('2;Paczka była zgnieciona\n', 'windows-1250'),
      Buffer.from('3;Głośnik trzeszczy\n'),
    ]);
    expect(utf8Balance(mixed)).toEqual({ characters: 4, strayBytes: 1 });
    expect(detectEncoding(mixed)).toBe('utf-8');
  });
});

describe('looksBinary', () => {
  it('takes a NUL in the header line or many control bytes for binary, one NUL in a value not', () => {
    expect(looksBinary(Buffer.from('a,b\u0000\n1,2\n'))).toBe(true);
    expect(looksBinary(Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01'))).toBe(true);
    expect(looksBinary(Buffer.from('a,b\n1,bro\u0000ken\n'))).toBe(false);
    expect(looksBinary(iconv.encode('\uFEFFa;b\n1;2\n', 'utf-16le'))).toBe(false);
  });
});

describe('readCsv', () => {
  async function read(text: string) {
    const source = await readCsv(Readable.from([Buffer.from(text)]));
    const items = [];
    for await (const batch of source.batches) items.push(...batch);
    return { headers: source.headers, items };
  }

  it('rejects a row with more values than the header instead of dropping the extra ones', async () => {
    const { items } = await read('id,text\n1,Broken, does not charge\n2,Fine\n3,trailing comma,\n');
    expect(items[0]).toMatchObject({
      rowNumber: 1,
      message: expect.stringContaining('has 3 values but the header has 2 columns'),
    });
    expect(items[1]).toMatchObject({ rowNumber: 2, raw: { id: '2', text: 'Fine' } });
    expect(items[2]).toMatchObject({ rowNumber: 3, raw: { id: '3', text: 'trailing comma' } });
  });

  it("gives a rejected row its text with the file's delimiter, quoted where needed", async () => {
    const { items } = await read('id;text\n1;"a;b";"say ""hi""";x\n');
    expect(items[0]).toMatchObject({ rowNumber: 1, rawText: '1;"a;b";"say ""hi""";x' });
  });

  it('keeps a bare quote inside a value as written', async () => {
    const { items } = await read('id,text\n1,The 5" screen\n2,"Broken" on arrival\n');
    expect(items.map((i) => ('raw' in i ? i.raw['text'] : null))).toEqual([
      'The 5" screen',
      '"Broken" on arrival',
    ]);
  });

  it('names the data row where a never-closed quote opened', async () => {
    await expect(read('id,text\n1,ok\n2,"never closed\n3,more\n')).rejects.toThrow(
      'a quote (") opened in data row 2 is never closed',
    );
  });

  it('flags a repeated header line (two files joined), BOM or not', async () => {
    const { items } = await read('id,text\n1,a\n\uFEFFid,text\n2,b\n');
    expect(items[1]).toMatchObject({
      rowNumber: 2,
      message: expect.stringContaining('repeats the header line'),
    });
    expect(items).toHaveLength(3);
  });
});
