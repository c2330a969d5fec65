import { copyField } from './copy-rows';

describe('copyField', () => {
  it('writes null as \\N and dates as ISO instants', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(copyField(12.5)).toBe('12.5');
  });

  it('escapes the characters COPY text format gives meaning to', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('keeps any other text as it is', () => {
    expect(copyField('המשלוח הגיע באיחור; "quoted", =1+2')).toBe(
      'המשלוח הגיע באיחור; "quoted", =1+2',
    );
  });
});
