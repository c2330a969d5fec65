import { buffer } from 'node:stream/consumers';
import { csvStream, csvText, neutraliseFormula } from './csv';

describe('CSV writer', () => {
  it('neutralises formulas in text, never in numbers', () => {
    expect(neutraliseFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(csvText(['n'], [[-2]])).toBe('\uFEFFn\r\n-2\r\n');
  });

  it('quotes delimiters, quotes, line breaks, semicolons and edge white space', () => {
    expect(csvText(['a', 'b', 'c', 'd', 'e'], [['x,y', 'say "hi"', 'l1\nl2', 'a;b', ' pad']])).toBe(
      '\uFEFFa,b,c,d,e\r\n"x,y","say ""hi""","l1\nl2","a;b"," pad"\r\n',
    );
  });

  it('writes null as an empty cell and booleans as words', () => {
    expect(csvText(['a', 'b'], [[null, true]])).toBe('\uFEFFa,b\r\n,true\r\n');
  });

  it('streams the same bytes', async () => {
    const stream = csvStream(['x', 'y']);
    stream.write(['=1', 2]);
    stream.end();
    // (a TextDecoder would drop the BOM: read the bytes)
    expect((await buffer(stream)).toString('utf8')).toBe("\uFEFFx,y\r\n'=1,2\r\n");
  });
});
