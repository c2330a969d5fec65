import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { detectDelimiter, looksBinary, readCsv } from './csv-reader';
import { detectEncoding, implausibleWords, utf8Balance } from './encoding';

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

describe('readCsv on a code-page file with rows in UTF-8', () => {
  async function readBytes(bytes: Buffer, encoding?: string) {
    const source = await readCsv(Readable.from([bytes]), { encoding });
    const items = [];
    for await (const batch of source.batches) items.push(...batch);
    const warnings = (source as { warnings?: () => readonly string[] }).warnings?.() ?? [];
    return { source, items, warnings };
  }
  const text = (item: object) =>
    'raw' in item ? (item.raw as Record<string, string>)['text'] : item;

  it.each([
    [
      'windows-1250',
      ['Zepsuł się po trzech dniach, żółć', 'Paczka była zgnieciona, obudowa pęknięta'],
      'Głośnik trzeszczy',
    ],
    [
      'windows-1251',
      ['Перестал работать через три дня', 'Служба поддержки не отвечает на письма'],
      'Не включается',
    ],
  ])('reads the UTF-8 row of a %s file as UTF-8 and says so', async (page, legacy, utf8) => {
    const bytes = Buffer.concat([
      Buffer.from('id;text\n'),
      iconv.encode(`1;${legacy[0]}\n2;${legacy[1]}\n`, page),
      Buffer.from(`3;${utf8}\n`),
    ]);
    expect(detectEncoding(bytes)).toBe(page);
    const { source, items, warnings } = await readBytes(bytes);
    expect(source.details['encoding']).toBe(page);
    expect(items.map(text)).toEqual([legacy[0], legacy[1], utf8]);
    expect(warnings).toEqual([
      `Row 3 is UTF-8 while the rest of the file is ${page}: it was read as UTF-8, so its text is kept as written.`,
    ]);
  });

  it('does the same when the code page is declared, naming every such row', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id;text\n1;Zepsuł się\n'),
      iconv.encode('2;Paczka była zgnieciona\n', 'windows-1250'),
      Buffer.from('3;Głośnik trzeszczy\n4;plain ASCII\n5;Żółw\n'),
    ]);
    const { items, warnings } = await readBytes(bytes, 'windows-1250');
    expect(items.map(text)).toEqual([
      'Zepsuł się',
      'Paczka była zgnieciona',
      'Głośnik trzeszczy',
      'plain ASCII',
      'Żółw',
    ]);
    expect(warnings).toEqual([
      'Rows 1, 3 and 5 are UTF-8 while the rest of the file is windows-1250: they were read as UTF-8, so their text is kept as written.',
    ]);
  });

  it('rejects a row whose values are in two encodings, naming them', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id;text;note\n'),
      iconv.encode('1;Paczka była zgnieciona;ok\n2;Zepsuł się;', 'windows-1250'),
      Buffer.from('Głośnik\n'),
    ]);
    const { items, warnings } = await readBytes(bytes, 'windows-1250');
    expect(items[0]).toMatchObject({ rowNumber: 1, raw: { text: 'Paczka była zgnieciona' } });
    expect(items[1]).toEqual({
      rowNumber: 2,
      rawText: '2;Zepsuł się;Głośnik',
      message: expect.stringContaining(
        'mixes two encodings: value 3 is UTF-8 but value 2 is not, and the file is read as windows-1250',
      ),
      code: 'row.mixedEncodings',
      params: { utf8: 3, other: 2, encoding: 'windows-1250' },
    });
    expect(warnings).toEqual([]);
  });

  it('reads code-page capitals that happen to be valid UTF-8 in the code page', async () => {
    // "PÓŁKA" in windows-1250 is D3 A3: valid UTF-8 for "ӣ", a Cyrillic letter in a Latin word.
    const bytes = iconv.encode('id;text;note\n1;PÓŁKA;Zepsuł się\n2;PÓŁKA;ok\n', 'windows-1250');
    expect(isUtf8(bytes.subarray(bytes.indexOf('P'.charCodeAt(0)), bytes.indexOf(';', 14)))).toBe(
      true,
    );
    const { items, warnings } = await readBytes(bytes, 'windows-1250');
    expect(items.map(text)).toEqual(['PÓŁKA', 'PÓŁKA']);
    expect(warnings).toEqual([]);
  });

  it('keeps reading a UTF-8 file as a stream, with no warning', async () => {
    const { items, warnings } = await readBytes(Buffer.from('id;text\n1;Głośnik\n'));
    expect(items.map(text)).toEqual(['Głośnik']);
    expect(warnings).toEqual([]);
  });
});

describe('implausibleWords', () => {
  it('counts words no text has: U+FFFD, C1 controls, letters of two scripts', () => {
    expect(implausibleWords('Zepsuł się, Не включается, שירות, Größe')).toBe(0);
    expect(implausibleWords('PӣKA x\uFFFDy a\u0085b Głośnik')).toBe(3);
  });
});
