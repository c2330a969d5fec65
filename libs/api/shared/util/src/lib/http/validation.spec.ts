import { HttpException, NotFoundException, type ArgumentMetadata } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { errorAnswer } from '../errors/error-response';
import { answerInvalid, lenientCount, RequestValidationPipe } from './validation';

const strict = z.strictObject(
  { by: z.enum(['supplier', 'product'], { error: 'by is one of supplier, product' }).optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown "${issue.keys[0]}"` : undefined,
  },
);
class StrictQuery extends createZodDto(strict) {}

class KindParams extends createZodDto(
  answerInvalid(
    z.object({ kind: z.enum(['claims'], { error: (i) => `Unknown kind "${String(i.input)}"` }) }),
    (problems) => new NotFoundException(problems[0].message),
  ),
) {}

const query = (metatype: unknown): ArgumentMetadata =>
  ({ type: 'query', metatype, data: undefined }) as ArgumentMetadata;

/** What the client would read: the status and body of the error contract. */
function answerTo(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpException);
    const { status, body } = errorAnswer(error);
    return { status, body };
  }
  throw new Error('accepted');
}

describe('RequestValidationPipe', () => {
  const pipe = new RequestValidationPipe();

  it('hands the parsed value to the route', () => {
    expect(pipe.transform({ by: 'product' }, query(StrictQuery))).toEqual({ by: 'product' });
  });

  it('refuses with 400 { field, message } of the first problem, unknown parameters first', () => {
    expect(answerTo(() => pipe.transform({ by: 'x' }, query(StrictQuery)))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        field: 'by',
        message: 'by is one of supplier, product',
      },
    });
    expect(answerTo(() => pipe.transform({ by: 'x', byy: '1' }, query(StrictQuery)))).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', field: 'byy', message: 'unknown "byy"' },
    });
  });

  it('answers as the schema says when it says', () => {
    expect(
      answerTo(() =>
        pipe.transform({ kind: 'robots' }, { type: 'param', metatype: KindParams } as never),
      ),
    ).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Unknown kind "robots"' },
    });
  });

  it('refuses a NUL character anywhere in a parsed value, naming where it is', () => {
    class Body extends createZodDto(
      z.object({ name: z.string(), tags: z.record(z.string(), z.array(z.string())) }),
    ) {}
    const body = { type: 'body', metatype: Body } as ArgumentMetadata;
    const nul = (field: string) => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        field,
        message: `${field} contains a NUL character (\\u0000), which cannot be stored`,
      },
    });
    expect(answerTo(() => pipe.transform({ name: 'a\u0000', tags: {} }, body))).toEqual(
      nul('name'),
    );
    expect(
      answerTo(() => pipe.transform({ name: 'a', tags: { t: ['x', '\u0000'] } }, body)),
    ).toEqual(nul('tags.t.1'));
    expect(answerTo(() => pipe.transform({ name: 'a', tags: { 'k\u0000': [] } }, body))).toEqual(
      nul('tags.k\u0000'),
    );
    expect(answerTo(() => pipe.transform({ by: 'product\u0000' }, query(StrictQuery)))).toEqual({
      status: 400,
      body: expect.objectContaining({ field: 'by', message: 'by is one of supplier, product' }),
    });
    expect(pipe.transform({ name: 'a\tb', tags: {} }, body)).toEqual({ name: 'a\tb', tags: {} });
  });

  it('leaves parameters without a zod DTO alone', () => {
    const raw = { anything: ['goes'] };
    expect(pipe.transform(raw, query(Object))).toBe(raw);
    expect(pipe.transform('text/csv', { type: 'custom', metatype: String } as never)).toBe(
      'text/csv',
    );
  });
});

describe('lenientCount', () => {
  const limit = lenientCount((raw) => Number.parseInt(raw, 10), 50, 1, 500, 'How many');

  it('reads a whole number, clamped to its bounds', () => {
    expect(limit.parse('20')).toBe(20);
    expect(limit.parse('20abc')).toBe(20);
    expect(limit.parse('-3')).toBe(1);
    expect(limit.parse('9999')).toBe(500);
  });

  it('takes the default for nothing, zero or words', () => {
    expect(limit.parse(undefined)).toBe(50);
    expect(limit.parse('')).toBe(50);
    expect(limit.parse('0')).toBe(50);
    expect(limit.parse('many')).toBe(50);
  });
});
