import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { loggableError, safeDatabaseMessage } from './database-message';
import { errorAnswer } from './error-response';

function pgError(message: string, code: string, detail?: string): Error {
  return Object.assign(new Error(message), { code, ...(detail ? { detail } : {}) });
}

describe('database messages in the process log', () => {
  it('keeps identifiers and masks every value a data exception (class 22) quotes', () => {
    expect(safeDatabaseMessage(pgError('relation "nope" does not exist', '42P01'))).toBe(
      'relation "nope" does not exist',
    );
    expect(
      safeDatabaseMessage(pgError('value "99999999999" is out of range for type integer', '22003')),
    ).toBe('value "…" is out of range for type integer');
    expect(safeDatabaseMessage('plain text')).toBe('plain text');
    expect(safeDatabaseMessage(pgError('first line\nsecond line', '42000'))).toBe('first line');
  });

  it("masks the value in a QueryFailedError's stack and never shows its parameters or detail", () => {
    const error = new QueryFailedError(
      'SELECT * FROM claims WHERE batch_id = $1',
      ['ORDER-SECRET-99'],
      pgError(
        'invalid input syntax for type uuid: "ORDER-SECRET-99"',
        '22P02',
        'Token "ORDER-SECRET-99" is invalid.',
      ),
    );
    const text = loggableError(error);
    expect(text).toContain('QueryFailedError: invalid input syntax for type uuid: "…"');
    expect(text).toMatch(/\n\s+at /); // still the stack
    expect(text).not.toContain('ORDER-SECRET-99');
    const other = new QueryFailedError(
      'SELECT nope',
      ['kept-out'],
      pgError('column "nope" does not exist', '42703'),
    );
    expect(loggableError(other)).toContain('column "nope" does not exist');
    expect(loggableError(other)).not.toContain('kept-out');
    expect(loggableError('boom')).toBe('boom');
  });
});

describe('the error filter in the process log', () => {
  afterEach(() => jest.restoreAllMocks());

  it("logs a failed query's error id, path and SQL, but not the query string nor the parameters", () => {
    const printed: string[] = [];
    for (const level of ['error', 'warn'] as const)
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation((...args: unknown[]) => void printed.push(String(args[0])));
    const error = new QueryFailedError(
      'SELECT p.name FROM claims c JOIN products p USING (sku) WHERE p.supplier_id = ANY($1::text[])',
      [['SUPPLIER-SECRET-4711']],
      pgError('column p.name does not exist', '42703'),
    );
    const answer = errorAnswer(error, {
      method: 'GET',
      originalUrl: '/api/analytics/records/claims?supplier=SUPPLIER-SECRET-4711',
    });
    const text = printed.join('\n');
    expect(text).toContain(`GET /api/analytics/records/claims: error ${answer.body.errorId}`);
    expect(text).toContain('query: SELECT p.name FROM claims');
    expect(text).not.toContain('SUPPLIER-SECRET-4711');
  });
});
